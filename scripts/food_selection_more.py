"""The rest of the curated foods (fruit, vegetables, dairy and eggs, meat, fish, mixed dishes, drinks,
snacks, fats and condiments): same columns and conventions as food_selection.py, which joins the two."""

MORE = (
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
