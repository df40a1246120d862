"""Two curated facts of the fixture's foods: choking hazards for children under 4, and default portions.

CHOKING HAZARDS (Food.choking_hazard_under_4)
Source: ../shared/reference/balanced-diet.md, "Choking hazards for young children" (CDC, "Choking
Hazards", infant and toddler nutrition; American Academy of Pediatrics): children under 4 should not be
given whole nuts or seeds, popcorn, whole grapes, chunks of meat or cheese, hot dogs, raw hard vegetables
or fruit chunks, hard or sticky sweets, or spoonfuls of nut butter.
How each food below was chosen: a food is flagged when the form SR28 describes (and a person would
serve) falls under one of those kinds, named in the comment. Flagging errs on the side of safety:
- every whole nut, seed, peanut and soy nut, and mixes holding them (trail mix, granola);
- nut and seed butters (a spoonful is the hazard; spread thinly they are the safer form);
- popcorn, and hard snacks and sweets (chips, pretzels, hard granola bars, banana chips, chocolate);
- whole grapes and cherries; sticky dried fruit (raisins, dates, figs, prunes...);
- raw hard vegetables and fruit (raw carrot, celery, apple...), and raw seaweed (tough strips);
- meat and cheese usually served as chunks or slices (roasts, steaks, chops, breasts, ham, bacon, hard
  cheese). Ground meat, flaked fish, soft cheese, eggs, tofu and cooked vegetables are not flagged.
Not flagged: what is soft or cooked (beans, cooked greens, bananas, berries, yogurt, bread).

DEFAULT PORTIONS (Portion.is_default)
The portion a person would use: 1 oz of nuts and seeds (the serving of the NIH ODS table), 1 tbsp of a
nut butter or fat, 1 cup of cooked greens, grains, milk or a drink, 3 oz of meat or fish, a slice of
bread, one medium fruit. DEFAULT_PORTION_RULES gives, per SR28 food group, label beginnings tried in order;
DEFAULT_PORTION_OVERRIDES names the label for the foods the rules get wrong. A food none of them matches
gets SR28's first portion (Seq 1, SR28's own common measure).
"""

CHOKING_HAZARDS = {
    # ---- whole nuts and seeds, and mixes holding them --------------------------------------------
    "12014": "seeds",
    "12016": "seeds",
    "12516": "seeds",
    "12163": "seeds",
    "12006": "seeds",
    "12220": "seeds",
    "12012": "seeds",
    "12036": "seeds",
    "12037": "seeds",
    "12023": "seeds",
    "12061": "nuts",
    "12063": "nuts",
    "12563": "nuts",
    "12085": "nuts",
    "12585": "nuts",
    "12087": "nuts",
    "12155": "nuts",
    "12142": "nuts",
    "12151": "nuts",
    "12152": "nuts",
    "12120": "nuts",
    "12078": "nuts",
    "12131": "nuts",
    "12147": "nuts",
    "12135": "nuts",
    "19059": "nuts",
    "19061": "nuts",
    "16389": "nuts",
    "16390": "nuts",
    "16090": "nuts",
    "16110": "nuts",  # peanuts, soy nuts
    "08037": "nuts",
    "08054": "nuts",  # granola: nuts, seeds, hard clusters
    # ---- nut and seed butters: a spoonful ---------------------------------------------------------
    "12166": "nut butter",
    "12171": "nut butter",
    "12195": "nut butter",
    "12088": "nut butter",
    "16098": "nut butter",
    "16398": "nut butter",
    "16097": "nut butter",
    # ---- popcorn, hard snacks and sweets ----------------------------------------------------------
    "19034": "popcorn",
    "19056": "hard snack",
    "19411": "hard snack",
    "19047": "hard snack",
    "19015": "hard snack",
    "19400": "hard snack",
    "19902": "hard sweet",
    "19903": "hard sweet",
    "19904": "hard sweet",
    # ---- whole grapes and cherries; sticky dried fruit --------------------------------------------
    "09132": "whole fruit",
    "09070": "whole fruit",
    "09298": "sticky fruit",
    "09297": "sticky fruit",
    "09291": "sticky fruit",
    "09094": "sticky fruit",
    "09087": "sticky fruit",
    "09421": "sticky fruit",
    "09032": "sticky fruit",
    "09079": "sticky fruit",
    # ---- raw hard vegetables and fruit; raw seaweed -----------------------------------------------
    "09003": "raw hard",
    "09252": "raw hard",
    "11124": "raw hard",
    "11960": "raw hard",
    "11090": "raw hard",
    "11135": "raw hard",
    "11143": "raw hard",
    "11429": "raw hard",
    "11821": "raw hard",
    "11333": "raw hard",
    "11205": "raw hard",
    "11300": "raw hard",
    "11282": "raw hard",
    "11477": "raw hard",
    "11109": "raw hard",
    "11445": "raw seaweed",
    "11669": "raw seaweed",
    # ---- chunks of meat or cheese -------------------------------------------------------------------
    "05064": "meat",
    "05098": "meat",
    "05343": "meat",
    "05711": "meat",
    "23629": "meat",
    "13419": "meat",
    "10061": "meat",
    "10027": "meat",
    "10183": "meat",
    "10862": "meat",
    "07081": "meat",
    "01009": "cheese",
    "01040": "cheese",
    "01028": "cheese",
}

# Label beginnings tried in order, per SR28 food group (case-insensitive); "*" applies to every group.
DEFAULT_PORTION_RULES = {
    "Nut and Seed Products": ("1 oz", "1 tbsp", "3 tbsp"),
    "Legumes and Legume Products": ("2 tbsp", "1 cup", "0.5 cup", "1 oz", "1 patty", "1 pattie"),
    "Vegetables and Vegetable Products": ("1 cup", "0.5 cup", "1 medium", "1 NLEA serving", "1 potato medium"),
    "Fruits and Fruit Juices": ("1 medium", "1 fruit", "1 cup", "1 oz", "1 banana"),
    "Beverages": ("1 cup", "8 fl oz", "1 serving 6 fl oz", "6 fl oz", "240 ml"),
    "Dairy and Egg Products": ("1 container (6 oz)", "1 container", "1 cup", "1 large", "1 oz", "0.5 cup"),
    "Baked Products": (
        "1 slice",
        "1 bagel",
        "1 muffin",
        "1 tortilla",
        "1 pita, large",
        "1 pancake",
        "1 waffle",
        "1 piece",
        "1 serving",
        "0.5 oz",
    ),
    "Breakfast Cereals": ("1 cup", "0.75 cup", "0.5 cup", "2 biscuits", "1.25 cup"),
    "Cereal Grains and Pasta": ("1 cup",),
    "Beef Products": ("3 oz",),
    "Pork Products": ("3 oz",),
    "Poultry Products": ("3 oz", "1 serving (3oz)", "0.5 breast", "1 thigh without skin"),
    "Lamb, Veal, and Game Products": ("3 oz",),
    "Finfish and Shellfish Products": ("3 oz",),
    "Fats and Oils": ("1 tbsp", "1 tablespoon"),
    "Sweets": ("1 tbsp", "1 oz", "1 serving"),
    "Snacks": ("1 oz", "1 bar", "2 cakes", "1 cake"),
    "Soups, Sauces, and Gravies": ("1 cup", "1 serving 1 cup", "0.5 cup", "1 serving 1/2 cup", "2 tbsp"),
    "*": ("1 serving", "1 cup", "1 oz", "1 tbsp", "1 tsp"),
}

# NDB number -> the exact SR28 label, where the group's rules pick a portion nobody would use.
DEFAULT_PORTION_OVERRIDES = {
    "12036": "1 cup, with hulls, edible yield",  # no 1 oz; this cup is 46 g of kernels
    "12023": "1 tbsp",  # sesame seeds: sprinkled
    "12220": "1 tbsp, ground",  # flaxseed: used ground, a tablespoon
    "12012": "3 tbsp",  # hemp seed: SR28's serving
    "12195": "1 tbsp",
    "12088": "1 tbsp",
    "12166": "1 tbsp",
    "12171": "1 tbsp",  # nut and seed butters
    "16137": "1 tablespoon",
    "16158": "1 tbsp",  # hummus, by the spoonful
    "16145": "1 can drained solids",
    "16146": "1 can drained solids",  # canned beans: only portion given
    "16358": "1 can drained",
    "14210": "1 fl oz",  # espresso: one shot
    "14194": "1 serving 6 fl oz",
    "14215": "1 serving 6 fl oz",
    "14219": "1 serving 6 fl oz",
    "14237": "1 serving 6 fl oz",
    "14147": "1 serving 12 fl oz",
    "14148": "1 can or bottle (12 fl oz)",
    "14146": "1 can (12 fl oz)",
    "14416": "1 can can 12 fl oz",
    "01009": "1 oz",
    "01040": "1 oz",
    "01019": "1 oz",
    "01028": "1 oz",
    "01032": "1 tbsp",
    "01017": "1 tbsp",
    "01056": "1 tbsp",
    "01049": "1 tbsp",
    "01001": "1 tbsp",  # cheeses, spreads, cream
    "01016": "4 oz",
    "01037": "0.5 cup",
    "11457": "1 cup",
    "11147": "1 cup",
    "11233": '1 cup 1" pieces, loosely packed',  # raw greens
    "11445": "2 tbsp (1/8 cup)",
    "11669": "2 tbsp (1/8 cup)",
    "11529": '1 medium whole (2-3/5" dia)',
    "11282": "1 tbsp chopped",
    "11124": "1 medium",
    "11960": "1 NLEA serving",
    "11508": '1 medium (2" dia, 5" long, raw)',
    "11674": "1 potato medium",
    "11367": '1 medium (2-1/4" to 3-1/4" dia.)',
    "11168": '1 ear medium (6-3/4" to 7-1/2" long)',
    "19165": "1 tbsp",
    "19296": "1 tbsp",
    "19297": "1 tbsp",
    "19353": "1 tbsp",
    "11935": "1 tbsp",
    "02046": "1 tsp or 1 packet",
    "16123": "1 tbsp",
    "09152": "1 wedge yields",
    "08123": "1 cup, cooked",
    "08121": "1 cup",
    "08120": "0.333 cup",
    "08402": "0.5 cup",
    "05064": "0.5 breast, bone and skin removed",
    "05098": "1 thigh without skin",
    "05343": "1 drumstick",
    "10862": "1 slice",
    "07081": "1 slice",
    "23629": "1 oz",
    "18069": "1 slice",
    "18070": "1 slice, large",
    "18001": '1 medium bagel (3-1/2" to 4" dia)',
    "18274": "1 medium",
    "18283": "1 medium",
    "18936": "1 pancake",
    "18226": "1 cracker, triple",
    "18228": "5 crackers square (1 serving)",
    "18235": "1 serving",
    "15121": "3 oz",
    "15088": "1 can (3.75 oz)",
    "15042": "1 oz, boneless",
    "15048": "1 oz, boneless",
    "15151": "3 oz",
    "19034": "1 cup",
    "19411": "1 oz",
    "19095": "1 serving 1/2 cup",
    "16389": "1 oz shelled (32 nuts)",
    "16390": "1 oz",  # peanuts
    "09298": "1 small box (1.5 oz)",
    "09266": "1 cup, chunks",
    "09176": "1 cup pieces",
    "09206": "1 cup",
    "09316": "1 cup, halves",
    "09021": "1 apricot",
    "09094": "1 fig",
    "09291": "1 prune, pitted",
    "09087": "1 date, pitted",
    "08037": "1 oz",
    "01129": "1 large",
    "01132": "1 large",
    "21224": "1 serving 3 servings per 15.1 oz package",
    "21155": "6 inch sub",
    "21060": "2 pieces",
}
