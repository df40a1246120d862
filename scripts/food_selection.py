"""The curated foods of fixtures/foods.json: which SR28 foods, their diet facts and the meals they suit.

Nutrients, names, food groups and portions come from USDA SR28 (read by build_food_fixture.py); only
the choices below are ours. Each row is

    (NDB number, diet, meals, allergens it contains, allergens we are not sure about)

diet:
    "vegan"  vegan and vegetarian
    "veg"    vegetarian, not vegan (dairy, egg or honey)
    "veg?"   vegetarian; vegan not known (a commercial product whose recipe may hold milk, egg or honey)
    "meat"   neither (meat, poultry, fish, shellfish)
    "?"      neither known (may hold lard, meat stock or gelatine)
meals: letters B(reakfast) L(unch) D(inner) S(nack). "" means the food is never served on its own (oils,
    butter, condiments): a planner can't pick it, a person can still log it.
contains / unsure: allergen words from foods.models.ALLERGENS. Every allergen not named is False; an
    "unsure" one is None (unknown), which the diet rules treat as "not allowed" (foods/diet.py).

Conventions, so the facts stay conservative:
- wheat, rye, barley and malt are gluten; oats are "unsure" for gluten (usually grown and milled beside
  wheat); processed snacks, sauces and soups are "unsure" for gluten.
- commercial breads, cereals and baked goods are "veg?" and "unsure" for dairy, egg and soy unless the
  product is known to be a single grain (Post Shredded Wheat: whole wheat only).
- peanuts are not tree nuts; coconut is left "unsure" for tree nuts (the FDA listed it as one).
- mollusks (mussels, clams, oysters) count as shellfish here, as most people with the allergy avoid them.
- cheese counts as vegetarian (lacto-ovo), although some is made with animal rennet.

Sources, cited where a food is here because of them:
[ODS]  NIH ODS magnesium fact sheet, Table 2 (../shared/reference/magnesium.md, "Food sources").
[SEED] the seed article's list of magnesium-rich foods (../shared/reference/seed-article.txt).
"""

from food_selection_more import MORE

FIRST = (  # nuts and seeds, legumes and soy, grains and cereals, breads; the rest: food_selection_more.py
    # ---- Nuts and seeds -------------------------------------------------------------------------
    ("12014", "vegan", "BLS", "", ""),  # pumpkin and squash seed kernels, dried [SEED]
    ("12016", "vegan", "BLS", "", ""),  # pumpkin seed kernels, roasted, no salt [ODS]
    ("12516", "vegan", "S", "", ""),  # pumpkin seed kernels, roasted, salted
    ("12163", "vegan", "S", "", ""),  # pumpkin seeds, whole, roasted
    ("12006", "vegan", "BS", "", ""),  # chia seeds [ODS]
    ("12220", "vegan", "B", "", ""),  # flaxseed
    ("12012", "vegan", "BS", "", ""),  # hemp seed, hulled
    ("12036", "vegan", "BLS", "", ""),  # sunflower seed kernels, dried
    ("12037", "vegan", "S", "", ""),  # sunflower seed kernels, dry roasted
    ("12023", "vegan", "L", "", ""),  # sesame seeds, whole (on salads)
    ("12166", "vegan", "BL", "", ""),  # tahini, roasted kernels
    ("12171", "vegan", "BL", "", ""),  # tahini, unroasted kernels
    ("12061", "vegan", "BS", "nuts", ""),  # almonds [SEED: nuts]
    ("12063", "vegan", "BS", "nuts", ""),  # almonds, dry roasted, no salt [ODS]
    ("12563", "vegan", "S", "nuts", ""),  # almonds, dry roasted, salted
    ("12195", "vegan", "BS", "nuts", ""),  # almond butter
    ("12085", "vegan", "S", "nuts", ""),  # cashews, dry roasted, no salt [ODS]
    ("12585", "vegan", "S", "nuts", ""),  # cashews, dry roasted, salted
    ("12087", "vegan", "S", "nuts", ""),  # cashews, raw
    ("12088", "vegan", "BS", "nuts", ""),  # cashew butter
    ("12155", "vegan", "BS", "nuts", ""),  # walnuts
    ("12142", "vegan", "BS", "nuts", ""),  # pecans
    ("12151", "vegan", "S", "nuts", ""),  # pistachios, raw
    ("12152", "vegan", "S", "nuts", ""),  # pistachios, dry roasted
    ("12120", "vegan", "S", "nuts", ""),  # hazelnuts
    ("12078", "vegan", "S", "nuts", ""),  # brazil nuts
    ("12131", "vegan", "S", "nuts", ""),  # macadamia nuts
    ("12147", "vegan", "L", "nuts", ""),  # pine nuts (on salads)
    ("12135", "vegan", "S", "nuts peanuts", ""),  # mixed nuts with peanuts, dry roasted
    ("19059", "veg?", "S", "", "nuts peanuts dairy gluten soy"),  # trail mix, regular
    ("19061", "veg?", "S", "", "nuts peanuts dairy gluten soy"),  # trail mix, tropical
    # ---- Peanuts, legumes and soy ----------------------------------------------------------------
    ("16389", "vegan", "S", "peanuts", ""),  # peanuts, oil-roasted, no salt [ODS]
    ("16390", "vegan", "S", "peanuts", ""),  # peanuts, dry-roasted, no salt
    ("16090", "vegan", "S", "peanuts", ""),  # peanuts, dry-roasted, salted
    ("16098", "vegan", "BLS", "peanuts", ""),  # peanut butter, smooth, salted [ODS]
    ("16398", "vegan", "BLS", "peanuts", ""),  # peanut butter, smooth, no salt
    ("16097", "vegan", "BLS", "peanuts", ""),  # peanut butter, chunky, salted
    ("16015", "vegan", "LD", "", ""),  # black beans, boiled [ODS, SEED]
    ("16033", "vegan", "LD", "", ""),  # kidney beans, boiled
    ("16145", "vegan", "LD", "", ""),  # kidney beans, canned, drained [ODS]
    ("16043", "vegan", "LD", "", ""),  # pinto beans, boiled
    ("16146", "vegan", "LD", "", ""),  # pinto beans, canned, drained
    ("16038", "vegan", "LD", "", ""),  # navy beans, boiled
    ("16050", "vegan", "LD", "", ""),  # white beans, boiled
    ("16026", "vegan", "LD", "", ""),  # great northern beans, canned
    ("16057", "vegan", "LD", "", ""),  # chickpeas, boiled
    ("16358", "vegan", "LD", "", ""),  # chickpeas, canned, drained
    ("16070", "vegan", "LD", "", ""),  # lentils, boiled [SEED]
    ("16086", "vegan", "LD", "", ""),  # split peas, boiled
    ("16072", "vegan", "LD", "", ""),  # lima beans, large, boiled
    ("11040", "vegan", "LD", "", ""),  # baby lima beans, frozen, boiled
    ("16006", "vegan", "BLD", "", "gluten"),  # baked beans, canned, vegetarian
    ("16137", "vegan", "LS", "", ""),  # hummus, home prepared
    ("16158", "vegan", "LS", "", "gluten"),  # hummus, commercial
    ("16138", "veg?", "LD", "", "gluten egg"),  # falafel, home-prepared
    ("16109", "vegan", "LD", "soy", ""),  # soybeans, boiled
    ("16110", "vegan", "S", "soy", ""),  # soy nuts, roasted, salted
    ("11212", "vegan", "LDS", "soy", ""),  # edamame, prepared [ODS]
    ("16126", "vegan", "BLD", "soy", ""),  # tofu, firm, nigari
    ("16127", "vegan", "LD", "soy", ""),  # tofu, soft, nigari
    ("16159", "vegan", "LD", "soy", ""),  # tofu, extra firm, nigari
    ("16427", "vegan", "LD", "soy", ""),  # tofu, regular, calcium sulfate
    ("16129", "vegan", "LD", "soy", ""),  # tofu, fried
    ("16114", "vegan", "LD", "soy", "gluten"),  # tempeh (some is made with barley)
    ("16174", "vegan", "LD", "soy", "gluten"),  # tempeh, cooked
    ("43476", "vegan", "BS", "soy", ""),  # tofu yogurt
    ("16147", "veg?", "LD", "", "dairy egg gluten soy"),  # veggie burger
    ("16139", "vegan", "BLS", "soy", ""),  # soymilk, with calcium, A and D [ODS]
    ("16120", "vegan", "BS", "soy", ""),  # soymilk, unfortified
    ("16222", "vegan", "BS", "soy", ""),  # soymilk, unsweetened, with calcium, A and D
    ("16168", "vegan", "BS", "soy", ""),  # soymilk, chocolate, with calcium, A and D
    # ---- Grains, cereals, pasta ------------------------------------------------------------------
    ("08120", "vegan", "B", "", "gluten"),  # oats, dry (overnight oats, muesli)
    ("08121", "vegan", "B", "", "gluten"),  # oatmeal, cooked with water
    ("08123", "vegan", "B", "", "gluten"),  # instant oatmeal, fortified, prepared [ODS]
    ("08402", "vegan", "B", "", "gluten"),  # Quaker Quick Oats, dry
    ("20034", "vegan", "B", "", "gluten"),  # oat bran, cooked
    ("08147", "vegan", "B", "gluten", ""),  # Post Shredded Wheat, big biscuit [ODS]
    ("08148", "vegan", "B", "gluten", ""),  # Post Shredded Wheat, spoon-size
    ("43393", "vegan", "B", "gluten", ""),  # Post Shredded Wheat 'n Bran
    ("08143", "vegan", "B", "gluten", ""),  # Wheatena, cooked
    ("08103", "vegan", "B", "gluten", ""),  # Cream of Wheat, cooked
    ("08091", "vegan", "B", "", ""),  # grits, white, cooked
    ("20078", "vegan", "B", "gluten", ""),  # wheat germ
    ("08013", "veg?", "BS", "", "gluten dairy soy"),  # Cheerios (fortified cereal) [ODS]
    ("08001", "veg?", "B", "gluten", "dairy soy"),  # All-Bran Original
    ("08029", "veg?", "B", "gluten", "dairy soy"),  # Post Bran Flakes
    ("08060", "veg?", "B", "gluten", "dairy soy"),  # Raisin Bran
    ("08089", "veg?", "B", "gluten", "dairy soy"),  # Wheaties
    ("08020", "veg?", "B", "gluten", "dairy soy"),  # Corn Flakes (malt flavouring)
    ("08038", "veg?", "B", "gluten", "dairy soy"),  # Grape-Nuts
    ("08049", "veg?", "B", "gluten", "dairy soy"),  # Life
    ("08037", "veg?", "BS", "", "nuts peanuts dairy gluten soy"),  # granola, homemade
    ("08054", "veg", "BS", "", "nuts dairy gluten soy"),  # Quaker natural granola (honey)
    ("20037", "vegan", "LD", "", ""),  # brown rice, long-grain, cooked [ODS]
    ("20041", "vegan", "LD", "", ""),  # brown rice, medium-grain, cooked
    ("20045", "vegan", "LD", "", ""),  # white rice, long-grain, cooked [ODS]
    ("20089", "vegan", "LD", "", ""),  # wild rice, cooked
    ("20137", "vegan", "LD", "", ""),  # quinoa, cooked
    ("20010", "vegan", "BLD", "", ""),  # buckwheat groats, cooked
    ("20002", "vegan", "BLD", "", ""),  # amaranth, cooked
    ("20032", "vegan", "LD", "", ""),  # millet, cooked
    ("20013", "vegan", "LD", "gluten", ""),  # bulgur, cooked
    ("20029", "vegan", "LD", "gluten", ""),  # couscous, cooked
    ("20006", "vegan", "LD", "gluten", ""),  # pearl barley, cooked
    ("20121", "vegan", "LD", "gluten", ""),  # pasta, enriched, cooked
    ("20125", "vegan", "LD", "gluten", ""),  # whole-wheat pasta, cooked
    ("20092", "vegan", "LD", "", ""),  # gluten-free corn pasta, cooked
    ("20115", "vegan", "LD", "gluten", ""),  # soba noodles, cooked
    ("20110", "veg", "LD", "gluten egg", ""),  # egg noodles, cooked
    # ---- Breads, crackers, baked goods -----------------------------------------------------------
    ("18075", "veg?", "BL", "gluten", "dairy egg soy"),  # whole-wheat bread [ODS]
    ("18076", "veg?", "B", "gluten", "dairy egg soy"),  # whole-wheat bread, toasted
    ("18064", "veg?", "BL", "gluten", "dairy egg soy"),  # wheat bread
    ("18069", "veg?", "BL", "gluten", "dairy egg soy"),  # white bread
    ("18070", "veg?", "B", "gluten", "dairy egg soy"),  # white bread, toasted
    ("28397", "veg?", "BL", "gluten", "nuts dairy egg soy"),  # multi-grain bread
    ("28316", "veg?", "BL", "gluten", "dairy egg soy"),  # sprouted wheat bread
    ("18060", "veg?", "BL", "gluten", "dairy egg soy"),  # rye bread
    ("18044", "veg?", "BL", "gluten", "dairy egg soy"),  # pumpernickel
    ("18029", "veg?", "LD", "gluten", "dairy egg soy"),  # french bread, sourdough
    ("18042", "veg?", "LD", "gluten", "dairy egg soy"),  # pita, whole-wheat
    ("18041", "veg?", "LD", "gluten", "dairy egg soy"),  # pita, white
    ("18001", "veg?", "B", "gluten", "dairy egg soy"),  # bagel, plain
    ("28322", "veg?", "B", "gluten", "dairy egg soy"),  # bagel, multigrain
    ("18266", "veg?", "B", "gluten", "dairy egg soy"),  # English muffin, whole-wheat
    ("18258", "veg?", "B", "gluten", "dairy egg soy"),  # English muffin, plain
    ("18363", "vegan", "LD", "", ""),  # corn tortilla
    ("28295", "veg?", "LD", "gluten", "dairy egg soy"),  # whole-wheat tortilla
    ("18364", "?", "LD", "gluten", "dairy egg soy"),  # flour tortilla (may be made with lard)
    ("18226", "vegan", "LS", "gluten", ""),  # rye crispbread
    ("18235", "veg?", "LS", "gluten", "dairy soy"),  # whole-wheat crackers
    ("18228", "?", "LS", "gluten", "dairy soy"),  # saltines (may be made with lard)
    ("18283", "veg?", "BS", "gluten", "nuts dairy egg soy"),  # oat bran muffin
    ("18274", "veg?", "BS", "gluten", "nuts dairy egg soy"),  # blueberry muffin
    ("18936", "veg", "B", "gluten dairy", "egg soy"),  # pancakes (includes buttermilk)
    ("18403", "veg?", "B", "gluten", "dairy egg soy"),  # waffles
)

FOODS = FIRST + MORE
