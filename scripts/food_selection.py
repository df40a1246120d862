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

FOODS = (
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
    # ---- Fruit and juice -------------------------------------------------------------------------
    ("09040", "vegan", "BLS", "", ""),  # banana [ODS, SEED]
    ("09037", "vegan", "BLDS", "", ""),  # avocado [ODS, SEED]
    ("09038", "vegan", "BLDS", "", ""),  # avocado, California
    ("09003", "vegan", "BLS", "", ""),  # apple with skin [ODS]
    ("09200", "vegan", "BLS", "", ""),  # orange
    ("09218", "vegan", "BLS", "", ""),  # tangerine
    ("09252", "vegan", "BLS", "", ""),  # pear
    ("09132", "vegan", "BLS", "", ""),  # grapes
    ("09316", "vegan", "BLS", "", ""),  # strawberries
    ("09050", "vegan", "BS", "", ""),  # blueberries
    ("09302", "vegan", "BS", "", ""),  # raspberries
    ("09042", "vegan", "BS", "", ""),  # blackberries
    ("09148", "vegan", "BS", "", ""),  # kiwifruit
    ("09176", "vegan", "BLS", "", ""),  # mango
    ("09266", "vegan", "BLS", "", ""),  # pineapple
    ("09236", "vegan", "BLS", "", ""),  # peach
    ("09279", "vegan", "BS", "", ""),  # plum
    ("09326", "vegan", "LS", "", ""),  # watermelon
    ("09181", "vegan", "BS", "", ""),  # cantaloupe
    ("09070", "vegan", "S", "", ""),  # cherries
    ("09111", "vegan", "B", "", ""),  # grapefruit
    ("09226", "vegan", "BS", "", ""),  # papaya
    ("09286", "vegan", "BS", "", ""),  # pomegranate
    ("09021", "vegan", "BS", "", ""),  # apricot
    ("09019", "vegan", "BLS", "", ""),  # applesauce, unsweetened
    ("09298", "vegan", "BS", "", ""),  # raisins [ODS]
    ("09297", "vegan", "BS", "", ""),  # golden raisins
    ("09291", "vegan", "BS", "", ""),  # prunes
    ("09094", "vegan", "BS", "", ""),  # dried figs
    ("09087", "vegan", "BS", "", ""),  # dates, deglet noor
    ("09421", "vegan", "BS", "", ""),  # dates, medjool
    ("09032", "vegan", "BS", "", ""),  # dried apricots
    ("09079", "vegan", "BS", "", ""),  # dried cranberries, sweetened
    ("19400", "vegan", "S", "", "nuts"),  # banana chips (fried in coconut oil)
    ("09206", "vegan", "B", "", ""),  # orange juice, fresh
    ("09209", "vegan", "B", "", ""),  # orange juice, chilled
    ("09210", "veg?", "B", "", ""),  # orange juice with calcium and vitamin D (D3 may be from lanolin)
    ("09016", "vegan", "BS", "", ""),  # apple juice
    # ---- Vegetables ------------------------------------------------------------------------------
    ("11457", "vegan", "LD", "", ""),  # spinach, raw [SEED]
    ("11458", "vegan", "LD", "", ""),  # spinach, boiled [ODS, SEED]
    ("11464", "vegan", "LD", "", ""),  # spinach, frozen, boiled
    ("11147", "vegan", "LD", "", ""),  # swiss chard, raw [SEED]
    ("11148", "vegan", "LD", "", ""),  # swiss chard, boiled [SEED]
    ("11233", "vegan", "LD", "", ""),  # kale, raw [SEED]
    ("11234", "vegan", "LD", "", ""),  # kale, boiled [SEED]
    ("11087", "vegan", "LD", "", ""),  # beet greens, boiled
    ("11162", "vegan", "LD", "", ""),  # collards, boiled
    ("11569", "vegan", "LD", "", ""),  # turnip greens, boiled
    ("11271", "vegan", "LD", "", ""),  # mustard greens, boiled
    ("11090", "vegan", "LDS", "", ""),  # broccoli, raw
    ("11091", "vegan", "LD", "", ""),  # broccoli, boiled [ODS]
    ("11124", "vegan", "LDS", "", ""),  # carrot, raw [ODS]
    ("11125", "vegan", "LD", "", ""),  # carrots, boiled
    ("11960", "vegan", "LS", "", ""),  # baby carrots
    ("11529", "vegan", "BLD", "", ""),  # tomato
    ("11531", "vegan", "LD", "", ""),  # canned tomatoes
    ("11282", "vegan", "LD", "", ""),  # onion
    ("11821", "vegan", "LDS", "", ""),  # red pepper
    ("11333", "vegan", "LD", "", ""),  # green pepper
    ("11205", "vegan", "LS", "", ""),  # cucumber
    ("11251", "vegan", "LD", "", ""),  # romaine lettuce
    ("11959", "vegan", "LD", "", ""),  # arugula
    ("11109", "vegan", "LD", "", ""),  # cabbage
    ("11117", "vegan", "LD", "", ""),  # bok choy, boiled
    ("11135", "vegan", "LDS", "", ""),  # cauliflower, raw
    ("11136", "vegan", "LD", "", ""),  # cauliflower, boiled
    ("11099", "vegan", "LD", "", ""),  # brussels sprouts, boiled
    ("11012", "vegan", "LD", "", ""),  # asparagus, boiled
    ("11053", "vegan", "LD", "", ""),  # green beans, boiled
    ("11168", "vegan", "LD", "", ""),  # sweet corn, boiled
    ("11260", "vegan", "BLD", "", ""),  # mushrooms
    ("11477", "vegan", "LD", "", ""),  # zucchini, raw
    ("11478", "vegan", "LD", "", ""),  # zucchini, boiled
    ("11486", "vegan", "LD", "", ""),  # butternut squash, baked
    ("11483", "vegan", "LD", "", ""),  # acorn squash, baked
    ("11508", "vegan", "LD", "", ""),  # sweet potato, baked
    ("11674", "vegan", "LD", "", ""),  # potato, baked, with skin [ODS]
    ("11367", "vegan", "LD", "", ""),  # potato, boiled
    ("11934", "veg", "LD", "dairy", ""),  # mashed potatoes with milk and butter
    ("11081", "vegan", "LD", "", ""),  # beets, boiled
    ("11008", "vegan", "LD", "", ""),  # artichoke, boiled
    ("11279", "vegan", "LD", "", ""),  # okra, boiled
    ("11210", "vegan", "LD", "", ""),  # eggplant, boiled
    ("11143", "vegan", "LS", "", ""),  # celery
    ("11305", "vegan", "LD", "", ""),  # green peas, boiled
    ("11313", "vegan", "LD", "", ""),  # green peas, frozen, boiled
    ("11300", "vegan", "LDS", "", ""),  # snow peas
    ("11429", "vegan", "LS", "", ""),  # radishes
    ("11445", "vegan", "LD", "", ""),  # kelp
    ("11669", "vegan", "LD", "", ""),  # wakame
    ("11886", "vegan", "BS", "", ""),  # tomato juice, no salt added
    ("11578", "vegan", "LS", "", ""),  # vegetable juice
    # ---- Dairy and eggs --------------------------------------------------------------------------
    ("01117", "veg", "BLS", "dairy", ""),  # yogurt, plain, low fat [ODS, SEED]
    ("01118", "veg", "BLS", "dairy", ""),  # yogurt, plain, skim (non-fat) [SEED]
    ("01116", "veg", "BS", "dairy", ""),  # yogurt, plain, whole milk
    ("01256", "veg", "BLS", "dairy", ""),  # Greek yogurt, plain, nonfat [SEED]
    ("01287", "veg", "BS", "dairy", ""),  # Greek yogurt, plain, lowfat
    ("01286", "veg", "BS", "dairy", ""),  # Greek yogurt, vanilla, nonfat
    ("01284", "veg", "BS", "dairy", ""),  # Greek yogurt, strawberry, lowfat
    ("01082", "veg", "BLS", "dairy", ""),  # milk, 1% [ODS, SEED]
    ("01085", "veg", "BLS", "dairy", ""),  # milk, nonfat [SEED]
    ("01079", "veg", "BS", "dairy", ""),  # milk, 2%
    ("01077", "veg", "BS", "dairy", ""),  # milk, whole
    ("01104", "veg", "BS", "dairy", ""),  # chocolate milk, lowfat
    ("01105", "veg", "BS", "dairy", ""),  # hot cocoa, homemade
    ("01009", "veg", "LS", "dairy", ""),  # cheddar
    ("01028", "veg", "LDS", "dairy", ""),  # mozzarella, part skim
    ("01040", "veg", "LS", "dairy", ""),  # swiss cheese
    ("01019", "veg", "LD", "dairy", ""),  # feta
    ("01016", "veg", "BLS", "dairy", ""),  # cottage cheese, 1%
    ("01037", "veg", "BD", "dairy", ""),  # ricotta, part skim
    ("01129", "veg", "BLS", "egg", ""),  # egg, hard-boiled
    ("01131", "veg", "B", "egg", ""),  # egg, poached
    ("01128", "veg", "B", "egg", "dairy"),  # egg, fried (fat not stated)
    ("01132", "veg", "BL", "egg", "dairy"),  # egg, scrambled (milk and fat not stated)
    ("01130", "veg", "BL", "egg", "dairy"),  # omelet
    ("19095", "veg", "S", "dairy", "egg"),  # vanilla ice cream
    # ---- Meat and poultry ------------------------------------------------------------------------
    ("05064", "meat", "LD", "", ""),  # chicken breast, roasted [ODS]
    ("05098", "meat", "LD", "", ""),  # chicken thigh, roasted
    ("05343", "meat", "LD", "", "gluten soy dairy"),  # chicken drumstick, rotisserie (seasoning)
    ("05711", "meat", "LD", "", ""),  # turkey breast, roasted
    ("05667", "meat", "LD", "", ""),  # ground turkey 93%, patty, broiled
    ("07081", "meat", "L", "", "gluten soy dairy"),  # turkey breast, sliced, prepackaged
    ("23563", "meat", "LD", "", ""),  # ground beef 90%, patty, broiled [ODS]
    ("23565", "meat", "LD", "", ""),  # ground beef 90%, crumbles
    ("23629", "meat", "D", "", ""),  # top sirloin steak, broiled
    ("13419", "meat", "LD", "", ""),  # eye of round roast
    ("10061", "meat", "D", "", ""),  # pork tenderloin, roasted
    ("10027", "meat", "D", "", ""),  # pork loin, roasted
    ("10183", "meat", "BLD", "", "gluten soy dairy"),  # ham, roasted
    ("10862", "meat", "B", "", "gluten soy dairy"),  # bacon, pan-fried
    ("17225", "meat", "D", "", ""),  # ground lamb, broiled
    # ---- Fish and shellfish ----------------------------------------------------------------------
    ("15237", "meat", "LD", "fish", ""),  # Atlantic salmon, farmed, cooked [ODS]
    ("15086", "meat", "LD", "fish", ""),  # sockeye salmon, cooked
    ("15084", "meat", "L", "fish", ""),  # pink salmon, canned
    ("15037", "meat", "LD", "fish", ""),  # halibut, cooked [ODS]
    ("15047", "meat", "LD", "fish", ""),  # Atlantic mackerel, cooked [SEED]
    ("15201", "meat", "LD", "fish", ""),  # Pacific and jack mackerel, cooked
    ("15048", "meat", "L", "fish", ""),  # jack mackerel, canned
    ("15121", "meat", "LD", "fish", ""),  # light tuna, canned in water [SEED]
    ("15126", "meat", "L", "fish", ""),  # white tuna, canned in water
    ("15221", "meat", "D", "fish", ""),  # yellowfin tuna, cooked
    ("15118", "meat", "D", "fish", ""),  # bluefin tuna, cooked
    ("15128", "meat", "L", "fish", "egg dairy gluten soy"),  # tuna salad (dressing not stated)
    ("15016", "meat", "LD", "fish", ""),  # cod, cooked
    ("15262", "meat", "LD", "fish", ""),  # tilapia, cooked
    ("15034", "meat", "LD", "fish", ""),  # haddock, cooked
    ("15067", "meat", "LD", "fish", ""),  # Alaska pollock, cooked
    ("15241", "meat", "LD", "fish", ""),  # rainbow trout, cooked
    ("15088", "meat", "L", "fish", ""),  # sardines, canned in oil
    ("15042", "meat", "BL", "fish", ""),  # kippered herring
    ("15151", "meat", "LD", "shellfish", ""),  # shrimp, cooked
    ("15165", "meat", "D", "shellfish", ""),  # mussels, cooked
    ("15169", "meat", "D", "shellfish", ""),  # oysters, cooked
    ("15159", "meat", "D", "shellfish", ""),  # clams, cooked
    # ---- Mixed dishes, soups, sauces -------------------------------------------------------------
    ("21224", "veg", "LD", "gluten dairy", "egg soy"),  # cheese pizza
    ("21060", "?", "LD", "gluten", "dairy soy egg"),  # bean burrito (beans may be cooked in lard)
    ("21107", "meat", "LD", "gluten", "dairy egg soy"),  # hamburger
    ("21155", "meat", "L", "gluten", "dairy egg soy"),  # turkey sub sandwich
    ("06559", "?", "L", "", "dairy gluten soy"),  # tomato soup
    ("06468", "veg?", "LD", "", "dairy gluten soy egg"),  # vegetarian vegetable soup
    ("06402", "?", "LD", "", "dairy gluten soy"),  # black bean soup
    ("06419", "meat", "L", "gluten", "egg soy dairy"),  # chicken noodle soup
    ("06931", "veg?", "LD", "", "dairy gluten soy"),  # marinara sauce
    ("06164", "vegan", "LS", "", "gluten"),  # salsa
    # ---- Drinks ----------------------------------------------------------------------------------
    ("14209", "vegan", "BS", "", ""),  # coffee, brewed
    ("14210", "vegan", "BS", "", ""),  # espresso
    ("14215", "vegan", "BS", "", ""),  # instant coffee, prepared
    ("14201", "vegan", "BS", "", ""),  # coffee, decaffeinated
    ("14219", "vegan", "BS", "", ""),  # instant coffee, decaffeinated, prepared
    ("14237", "vegan", "BS", "gluten", ""),  # cereal grain coffee substitute
    ("14355", "vegan", "BLS", "", ""),  # black tea
    ("14278", "vegan", "BLS", "", ""),  # green tea
    ("14185", "vegan", "BS", "", ""),  # oolong tea
    ("14352", "vegan", "BLS", "", ""),  # black tea, decaffeinated
    ("14260", "vegan", "BS", "", ""),  # green tea, decaffeinated
    ("14381", "vegan", "BLS", "", ""),  # herb tea
    ("14545", "vegan", "S", "", ""),  # chamomile tea
    ("14649", "vegan", "BS", "", ""),  # hibiscus tea
    ("14148", "vegan", "LS", "", ""),  # cola
    ("14416", "vegan", "LS", "", ""),  # diet cola with caffeine
    ("14147", "vegan", "LS", "", ""),  # cola without caffeine
    ("14146", "vegan", "LS", "", ""),  # diet cola without caffeine
    ("14194", "veg", "BS", "dairy", "soy"),  # cocoa mix, prepared with water
    ("19165", "vegan", "", "", ""),  # cocoa powder, unsweetened (an ingredient: 1 tbsp in oats or milk)
    ("14091", "vegan", "BS", "nuts", ""),  # almond milk, unsweetened
    ("14016", "vegan", "BS", "nuts", ""),  # almond milk, vanilla, sweetened
    ("14639", "vegan", "BS", "", ""),  # rice milk
    # ---- Snacks and sweets -----------------------------------------------------------------------
    ("19034", "vegan", "S", "", ""),  # popcorn, air-popped
    ("19816", "vegan", "S", "", ""),  # rice cakes, plain
    ("19056", "vegan", "S", "", "gluten"),  # tortilla chips
    ("19411", "vegan", "S", "", "gluten"),  # potato chips
    ("19047", "veg?", "S", "gluten", "dairy soy"),  # pretzels
    ("19015", "veg?", "S", "", "nuts peanuts dairy gluten soy"),  # granola bar, hard
    ("19902", "veg?", "S", "", "nuts dairy soy"),  # dark chocolate 45-59%
    ("19903", "veg?", "S", "", "nuts dairy soy"),  # dark chocolate 60-69%
    ("19904", "veg?", "S", "", "nuts dairy soy"),  # dark chocolate 70-85%
    # ---- Fats, spreads, condiments: never a meal on their own ------------------------------------
    ("04053", "vegan", "", "", ""),  # olive oil
    ("04582", "vegan", "", "", ""),  # canola oil
    ("01001", "veg", "", "dairy", ""),  # butter
    ("04610", "veg?", "", "", "dairy soy"),  # margarine
    ("04025", "veg", "", "egg", "soy"),  # mayonnaise
    ("04114", "veg?", "", "", "dairy egg soy gluten"),  # italian dressing
    ("01017", "veg", "", "dairy", ""),  # cream cheese
    ("01049", "veg", "", "dairy", ""),  # half and half
    ("01056", "veg", "", "dairy", ""),  # sour cream
    ("01032", "veg", "", "dairy", ""),  # parmesan, grated
    ("19296", "veg", "", "", ""),  # honey
    ("19297", "vegan", "", "", ""),  # jam
    ("19353", "vegan", "", "", ""),  # maple syrup
    ("11935", "vegan", "", "", "gluten"),  # ketchup
    ("02046", "vegan", "", "", "gluten"),  # yellow mustard
    ("16123", "vegan", "", "soy gluten", ""),  # soy sauce (shoyu: soy and wheat)
    ("09152", "vegan", "", "", ""),  # lemon juice
)
