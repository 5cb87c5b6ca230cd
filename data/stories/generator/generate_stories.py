"""A seeded generator of short stories for young readers (ages 5 to 9).

This file belongs to the open course "Build an LLM from Scratch". Running it
writes data/stories/generated.txt, which is part of the course's training
corpus, next to the hand-written stories in data/stories/handwritten/.

Licence: two parts, as data/manifest.json records. The stories it writes,
like the word lists and templates below, are data, written for the course
and released under the Creative Commons Attribution 4.0 licence (CC BY 4.0).
The Python code is under the course's licence for code (MIT).

It is also a small example of a *data generator*: a way to make a lot of
varied, well-formed training text from a grammar and some word lists.

How it works
------------
1. A tiny random number generator of our own (SplitMix64, in
   data/seeded_generator.py, which the other data generators share). Python's
   `random` module may change between versions; ours gives the very same
   numbers on every Python and every computer, so the output file is
   reproducible byte for byte.
2. Word lists (WORDS, names, places): plain Python data.
3. Templates: ordinary Python format strings. In a template
     {A.name}   is the hero's name, {B.name} the friend's, {C.name} the helper's,
     {A.they}   is the hero's pronoun (she / he / they), and likewise
     {A.them}, {A.their}, {A.was} (was / were), {A.hands} (hands / paws ...),
     {food}     is a random word from WORDS["food"] (any key of WORDS works),
     {spot}     is a random hiding spot of the story's place (see PLACES),
   and a word taken from a list may itself contain more {slots}.
4. A story is a title and paragraphs: a beginning (who, where, what they
   like), a problem, attempts (at least one fails), dialogue, a resolution and
   an ending with a feeling or a lesson. There are twelve kinds of plot.
5. A final tidy-up fixes "a"/"an" and capital letters.

Usage, from the repository root:
    python data/stories/generator/generate_stories.py          # (re)write generated.txt
    python data/stories/generator/generate_stories.py --check  # exit 1 if the file differs

Or from Python: generate(seed=2026) returns the whole text as one string.
"""

import ast
import os
import re
import string
import sys

SEED = 2026
TARGET_BYTES = 800_000
SEPARATOR = "\n<|endoftext|>\n"

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT_PATH = os.path.join(HERE, "..", "generated.txt")

sys.path.insert(0, os.path.join(HERE, "..", ".."))  # data/: seeded_generator.py, shared by the course's generators
from seeded_generator import SplitMix64, command_line  # noqa: E402


# ---------------------------------------------------------------------------
# 1. Random numbers: SplitMix64, integers only
# ---------------------------------------------------------------------------

class Dealer:
    """Deals items from lists like cards from shuffled decks.

    Dealing instead of a plain random choice spreads words evenly: every item
    of a list comes out once before any item comes out a second time. That
    gives the corpus a big vocabulary and fewer repeated sentences.
    """

    def __init__(self, rng):
        self.rng = rng
        self.decks = {}  # id(list) -> [the list itself, cards left]

    def deal(self, items):
        # Keeping a reference to the list keeps its id unique while we run.
        deck = self.decks.setdefault(id(items), [items, []])
        if not deck[1]:
            deck[1] = list(items)
            self.rng.shuffle(deck[1])
        return deck[1].pop()


# ---------------------------------------------------------------------------
# 2. Word lists
# ---------------------------------------------------------------------------
# Each key can be used as a slot in a template: "{fruits}" is replaced by one
# word of WORDS["fruits"]. The comment says what kind of phrase each list holds,
# so that templates can use it grammatically. An entry may contain slots too.

WORDS = {
    # --- looks and qualities -------------------------------------------------
    # adjectives for colours
    "color": [
        "red", "blue", "green", "yellow", "orange", "purple", "pink", "white",
        "black", "brown", "gray", "silver", "golden", "scarlet", "crimson",
        "turquoise", "teal", "lilac", "lavender", "violet", "indigo", "cream",
        "amber", "copper", "bronze", "emerald", "jade", "navy", "sky-blue",
        "lemon-yellow", "peach", "coral", "rusty", "plum", "mint-green",
        "cherry-red", "sea-green", "sandy", "chestnut", "maroon", "olive",
        "ruby-red", "honey-colored", "snow-white", "charcoal", "apricot",
    ],
    # adjectives for patterns
    "pattern": [
        "striped", "spotted", "checked", "flowery", "starry", "zigzag",
        "polka-dot", "speckled", "wavy", "stripy", "patchwork", "tartan",
    ],
    # adjectives that describe a small object
    "texture": [
        "shiny", "dusty", "tiny", "wobbly", "smooth", "bumpy", "soft", "fluffy",
        "crinkly", "sticky", "squishy", "heavy", "round", "pointy", "crooked",
        "chipped", "faded", "sparkly", "glittery", "polished", "painted",
        "knobbly", "lumpy", "silky", "velvety", "scratchy", "slippery", "shabby",
        "gleaming", "battered", "brand-new", "lopsided", "dented", "speckled",
    ],
    # personality adjectives, for any character
    "trait": [
        "curious", "cheerful", "clever", "kind", "shy", "brave", "busy", "dreamy",
        "careful", "giggly", "bold", "gentle", "lively", "quiet", "thoughtful",
        "friendly", "helpful", "chatty", "playful", "sunny", "spirited", "restless",
        "tidy", "messy", "noisy", "nosy", "bouncy", "sensible", "cheeky",
        "good-natured", "imaginative", "hard-working", "jolly", "polite",
        "adventurous", "bright-eyed", "eager", "merry", "soft-spoken", "daring",
        "easygoing", "funny", "inventive", "warm-hearted", "fidgety", "wise",
    ],
    # adjectives for a grown-up or an elder
    "elder_trait": [
        "wise", "patient", "kind", "jolly", "calm", "gentle", "clever",
        "white-haired", "cheerful", "soft-spoken", "twinkly-eyed", "busy",
        "unhurried", "good-humored", "sharp-eyed", "warm",
    ],
    # "with ..." phrases for how a child looks
    "child_look": [
        "curly black hair", "two long braids", "a gap-toothed smile",
        "freckles on {P.their} nose", "round {color} glasses", "a bouncy ponytail",
        "a {color} cap that was always back to front", "muddy knees",
        "a pocket full of {collectible}", "a laugh like a {laugh_like}",
        "bright {color} sneakers", "a {pattern} scarf", "short spiky hair",
        "a bandage on one elbow", "a hat with a pompom on top",
        "a jacket covered in badges", "shoes that never stayed tied",
        "a big gap where a front tooth used to be", "a head full of ideas",
        "a {color} backpack shaped like a {animal}", "dimples in both cheeks",
        "a thick braid down {P.their} back", "hair that stuck up like a {brush_like}",
        "a {pattern} {clothing}", "a voice that carried across the whole street",
    ],
    "laugh_like": [
        "bubbling kettle", "squeaky door", "happy hiccup", "wind chime",
        "drum roll", "honking goose", "popping cork", "tinkling bell",
    ],
    "brush_like": [
        "hedgehog", "toothbrush", "pineapple top", "paintbrush", "dandelion clock",
        "feather duster",
    ],
    # "with ..." phrases for how an animal looks
    "animal_look": [
        "bright black eyes", "a white patch over one eye", "a twitchy nose",
        "a {color} scarf knitted by {P.their} grandmother", "a very fluffy tail",
        "long whiskers", "one ear that flopped over", "a tiny {color} hat",
        "a patchwork bag for collecting {collectible}", "a stripe down {P.their} back",
        "a loud voice for someone so small", "a {pattern} waistcoat",
        "soft ears and a softer heart", "quick feet", "a spotted neckerchief",
    ],
    # "with ..." phrases for how a robot looks
    "robot_look": [
        "a round screen for a face", "blinking {color} lights", "one squeaky wheel",
        "a springy antenna on top", "long bendy arms", "eyes like two {color} buttons",
        "a little drawer in the middle for keeping {collectible}",
        "a dent from the day it met a {furniture}", "a voice like a {robot_voice}",
        "a {color} body with {pattern} stickers", "four wheels and a wobbly head",
        "a tiny fan that whirred when it was thinking",
    ],
    "robot_voice": [
        "kazoo", "cheerful kettle", "radio far away", "bumblebee in a tin",
        "music box", "humming fridge",
    ],

    # --- nature --------------------------------------------------------------
    # singular birds, used as "a {bird}"
    "bird": [
        "robin", "sparrow", "blackbird", "thrush", "wren", "magpie", "crow",
        "raven", "jay", "pigeon", "dove", "woodpecker", "kingfisher", "heron",
        "swan", "duck", "goose", "gull", "puffin", "parrot", "finch", "goldfinch",
        "starling", "swallow", "hummingbird", "peacock", "flamingo", "pelican",
        "stork", "hawk", "eagle", "kestrel", "lark", "nightingale", "cuckoo",
        "toucan", "hornbill", "weaver bird", "bluebird", "cardinal", "chickadee",
        "jackdaw", "moorhen", "sandpiper", "blue tit", "kookaburra", "ibis",
        "owl", "hoopoe", "crane",
    ],
    # singular small wild animals, used as "a {animal}"
    "animal": [
        "hedgehog", "squirrel", "rabbit", "hare", "fox", "badger", "deer",
        "mouse", "vole", "mole", "frog", "toad", "newt", "lizard", "snail",
        "beetle", "ladybug", "butterfly", "moth", "bumblebee", "dragonfly",
        "grasshopper", "cricket", "caterpillar", "spider", "tortoise", "turtle",
        "otter", "beaver", "raccoon", "chipmunk", "weasel", "bat", "goat",
        "lamb", "piglet", "donkey", "pony", "kitten", "puppy", "gecko",
        "chameleon", "armadillo", "porcupine", "lemur", "koala", "panda",
        "penguin", "seal", "crab", "octopus", "whale", "dolphin", "giraffe",
        "zebra", "camel", "llama", "elephant", "kangaroo", "sloth",
    ],
    # singular small creatures
    "bug": [
        "beetle", "ladybug", "ant", "bee", "grasshopper", "cricket",
        "caterpillar", "butterfly", "moth", "dragonfly", "spider", "snail",
        "woodlouse", "firefly", "damselfly", "centipede", "earwig",
        "stick insect", "glowworm", "water strider", "bumblebee", "cicada",
    ],
    # plural flowers
    "flowers": [
        "daisies", "tulips", "roses", "sunflowers", "poppies", "bluebells",
        "buttercups", "daffodils", "lilies", "violets", "pansies", "marigolds",
        "foxgloves", "snowdrops", "crocuses", "dandelions", "orchids",
        "lotus flowers", "hibiscus flowers", "cornflowers", "forget-me-nots",
        "primroses", "peonies", "zinnias", "irises", "hollyhocks", "water lilies",
        "cherry blossoms", "morning glories", "sweet peas", "geraniums",
        "chrysanthemums", "honeysuckle flowers", "jasmine flowers", "lupins",
    ],
    # singular trees, used as "the old {tree}"
    "tree": [
        "oak", "maple", "willow", "birch", "pine", "beech", "elm", "chestnut",
        "mango tree", "apple tree", "fig tree", "olive tree", "cedar", "fir",
        "spruce", "sycamore", "poplar", "banyan", "eucalyptus", "acacia",
        "hawthorn", "rowan", "holly tree", "magnolia", "cypress", "larch",
        "walnut tree", "pear tree", "jacaranda", "baobab", "palm tree", "lime tree",
    ],
    # shapes clouds can have: "a cloud shaped like a {cloud_shape}"
    "cloud_shape": [
        "teapot", "dragon", "sheep", "ship", "rabbit", "shoe", "castle", "whale",
        "snail", "giant spoon", "crocodile", "top hat", "bicycle", "mountain",
        "sleeping cat", "kite", "lighthouse", "bowl of noodles", "running horse",
        "birthday cake", "elephant", "pair of socks", "hedgehog", "trumpet",
    ],

    # --- food ----------------------------------------------------------------
    # dishes, plural or uncountable: "{A.their} favorite food was {food}"
    "food": [
        "dumplings", "pancakes", "noodles", "jollof rice", "empanadas", "samosas",
        "plantain chips", "rice balls", "falafel", "hummus", "flatbread",
        "porridge", "congee", "dal", "roti", "idli", "dosas", "injera",
        "pierogi", "couscous", "tamales", "arepas", "bao buns", "spring rolls",
        "miso soup", "lentil soup", "tomato soup", "pumpkin soup",
        "corn on the cob", "baked potatoes", "fish pie", "macaroni and cheese",
        "pizza", "spaghetti", "meatballs", "sweet potato fries", "fried rice",
        "vegetable curry", "bean stew", "omelets", "scrambled eggs",
        "beans on toast", "cheese sandwiches", "honey toast", "banana bread",
        "cornbread", "bagels", "pretzels", "crumpets", "scones", "waffles",
        "blueberry muffins", "apple pie", "rice pudding", "mango pudding",
        "custard", "fruit salad", "churros", "mochi", "kheer", "flan",
        "lemon cake", "carrot cake", "gingerbread", "oatcakes", "plum dumplings",
        "peach cobbler", "pumpkin bread", "fish tacos", "chapatis", "pilaf",
        "stuffed peppers", "potato pancakes", "fried plantains", "coconut rice",
        "sesame noodles", "shepherd's pie", "chicken soup", "jam tarts",
    ],
    # singular snacks: "a {snack}"
    "snack": [
        "apple", "pear", "banana", "orange", "plum", "peach", "apricot", "mango",
        "slice of melon", "bunch of grapes", "fig", "clementine", "kiwi",
        "cheese sandwich", "jam sandwich", "boiled egg", "oatcake", "rice cake",
        "muffin", "cookie", "biscuit", "samosa", "dumpling", "pretzel", "bagel",
        "cheese scone", "bread roll", "banana muffin", "flapjack", "rice ball",
        "spring roll", "empanada", "honey cake", "fruit bun", "handful of nuts",
        "bag of popcorn", "cucumber sandwich", "date bar", "corn muffin",
    ],
    # plural fruit
    "fruits": [
        "apples", "pears", "plums", "cherries", "strawberries", "raspberries",
        "blueberries", "blackberries", "gooseberries", "grapes", "figs",
        "peaches", "apricots", "mangoes", "bananas", "oranges", "lemons", "limes",
        "melons", "pineapples", "papayas", "guavas", "lychees", "kiwis",
        "pomegranates", "dates", "coconuts", "quinces", "persimmons",
        "nectarines", "tangerines", "cranberries", "elderberries", "passion fruits",
    ],
    # plural vegetables
    "vegetables": [
        "carrots", "potatoes", "tomatoes", "beans", "peas", "onions", "leeks",
        "cabbages", "cucumbers", "pumpkins", "squashes", "radishes", "beetroots",
        "turnips", "parsnips", "lettuces", "peppers", "eggplants", "zucchinis",
        "sweet potatoes", "yams", "chilies", "mushrooms", "cauliflowers",
        "sprouts", "green beans", "sweetcorn cobs", "artichokes",
    ],
    # uncountable smells and tastes
    "spice": [
        "cinnamon", "ginger", "cardamom", "nutmeg", "vanilla", "cloves",
        "cumin", "saffron", "mint", "lemon", "honey", "toasted sesame",
        "anise", "coconut", "chocolate", "maple syrup", "fresh bread",
    ],

    # --- things --------------------------------------------------------------
    # plural things children collect
    "collectible": [
        "buttons", "stamps", "shells", "acorns", "feathers", "pebbles",
        "bottle caps", "stickers", "leaves", "marbles", "old keys", "postcards",
        "seed pods", "pine cones", "conkers", "beads", "coins", "ribbons",
        "maps", "toy cars", "train tickets", "fossils", "crystals", "matchboxes",
        "erasers", "sea glass", "snail shells", "badges", "paper cranes",
        "stones with holes in them", "thimbles", "corks", "comic books",
        "rocks that sparkled", "bird pictures", "seashells", "bits of ribbon",
    ],
    # plural or mass topics of books and stories
    "book_topic": [
        "dinosaurs", "volcanoes", "pirates", "planets", "knights", "sharks",
        "castles", "insects", "trains", "deserts", "rainforests", "pyramids",
        "robots", "rockets", "dragons", "whales", "mountains", "inventors",
        "explorers", "oceans", "bridges", "the weather", "bees", "frogs",
        "owls", "tigers", "jungles", "islands", "caves", "comets",
        "submarines", "giants", "lighthouses", "hot-air balloons", "penguins",
        "octopuses", "gardens", "detectives", "magicians", "the moon",
        "the stars", "ancient ships", "spiders", "horses", "fossils",
        "dolphins", "sea monsters", "tractors",
    ],
    # plural things to draw or count
    "drawable": [
        "cats in hats", "boats", "monsters with too many legs", "flying fish",
        "houses on stilts", "maps of secret islands", "spaceships", "bugs",
        "faces in the clouds", "trains crossing bridges", "horses", "castles",
        "giraffes", "fireworks", "underwater cities", "birds in flight",
        "robots that could bake", "tigers with stripy socks",
    ],
    # uncountable building materials
    "material": [
        "wood", "clay", "paper", "cardboard", "wool", "felt", "tin", "straw",
        "bamboo", "cork", "string", "wire", "sand", "snow", "twigs", "pebbles",
        "old boxes", "lolly sticks", "shells", "bottle tops", "leaves",
    ],
    # singular treasured small objects (for the lost-thing stories)
    "treasure": [
        "marble", "whistle", "compass", "harmonica", "locket", "bracelet",
        "hair clip", "key ring", "badge", "pocket watch", "magnifying glass",
        "spinning top", "toy car", "seashell", "coin", "ring", "medal",
        "yo-yo", "glass bead", "mitten", "wooden bird", "tin soldier",
        "star-shaped stone", "friendship bracelet", "little brass bell",
        "pocket mirror", "toy dinosaur", "keychain", "shell necklace",
        "hair ribbon", "thimble", "lucky pebble", "silver button",
    ],
    # adjectives for treasures
    "treasure_adj": [
        "lucky", "little", "shiny", "old", "tiny", "favorite", "special",
        "precious", "beloved", "best", "trusty",
    ],
    # singular toys and things to play with
    "toy": [
        "spinning top", "yo-yo", "toy boat", "wooden train", "rag doll",
        "teddy bear", "kite", "jigsaw puzzle", "ball", "skipping rope",
        "kaleidoscope", "whistle", "puppet", "toy drum", "tin robot",
        "paper windmill", "hula hoop", "jack-in-the-box", "rocking horse",
        "toy dinosaur", "wind-up mouse", "model plane", "toy car",
        "bouncy ball", "bubble wand", "music box", "snow globe", "glider",
        "sailboat", "scooter", "board game", "marble run", "toy tractor",
    ],
    # singular musical instruments
    "instrument": [
        "drum", "flute", "violin", "ukulele", "guitar", "recorder",
        "tambourine", "xylophone", "harmonica", "trumpet", "cello", "triangle",
        "banjo", "accordion", "kalimba", "djembe", "pan flute", "fiddle",
        "mandolin", "tin whistle", "keyboard", "sitar",
    ],
    # singular clothes
    "clothing": [
        "scarf", "hat", "cap", "coat", "raincoat", "jacket", "sweater",
        "cardigan", "dress", "apron", "cape", "poncho", "hoodie", "vest",
        "beanie", "bobble hat", "sun hat", "headscarf", "kurta", "dashiki",
        "hanbok", "kimono", "sari", "sarong", "kaftan", "waistcoat",
        "dungarees", "tracksuit", "woolly jumper", "shawl",
    ],
    # singular furniture and household things
    "furniture": [
        "sofa", "armchair", "bookcase", "wardrobe", "kitchen table", "stool",
        "bed", "rug", "chest of drawers", "coat rack", "piano", "bench",
        "toy box", "laundry basket", "rocking chair", "desk", "cupboard",
        "bathtub", "shoe rack", "washing machine", "fridge", "umbrella stand",
    ],
    # singular shops
    "shop": [
        "bakery", "bookshop", "flower shop", "bike shop", "shoe shop",
        "noodle bar", "hat shop", "toy shop", "barber's shop", "launderette",
        "music shop", "pet shop", "tea shop", "fabric shop", "spice shop",
        "cheese shop", "corner shop", "sweet shop", "pharmacy", "hardware shop",
    ],
    # singular vehicles
    "vehicle": [
        "bus", "tram", "tractor", "fire engine", "delivery van", "bicycle",
        "scooter", "train", "ferry", "taxi", "ice cream van", "rickshaw",
        "horse and cart", "motorbike", "garbage truck", "cement mixer",
        "post van", "sailboat", "canal boat", "hot-air balloon",
    ],
    # singular heavy things, for "as heavy as a {heavy_thing}"
    "heavy_thing": [
        "stone", "sack of potatoes", "wet blanket", "bag of sand", "brick",
        "pile of books", "bucket of water", "winter coat", "watermelon",
    ],
    # small things found while searching (with article)
    "junk": [
        "a snail shell", "a bottle cap", "three acorns", "a lost glove",
        "an old sweet wrapper", "a very surprised beetle", "a broken crayon",
        "a feather", "a rusty key", "a button", "a pine cone", "a marble that was not {A.theirs}",
        "a sock with a hole in it", "a bus ticket", "a spoon", "a rubber band",
        "a tangle of string", "a plastic dinosaur", "a ball of fluff",
        "a sleepy ladybug", "a cork", "two pennies", "a hair ribbon",
        "a smooth gray pebble", "a curl of bark", "a paper boat", "a lost puzzle piece",
        "a toy soldier with one arm", "a half-eaten carrot", "an empty snail shell",
        "a leaf shaped like a hand", "a crumpled shopping list",
    ],
    # things found in a pocket
    "pocket_junk": [
        "a crumpled tissue", "two crumbs and a button", "a little sand",
        "an old bus ticket", "a sticky sweet wrapper", "a pebble",
        "a pencil stub", "a bent paper clip", "a sunflower seed", "a bit of string",
        "a folded drawing", "a hair tie",
    ],

    # --- people and homes ----------------------------------------------------
    # who a child lives with; P is the child
    "family": [
        "{P.their} mum and dad", "{P.their} dad and two big sisters",
        "{P.their} grandmother and a very old cat", "{P.their} two mums and a goldfish",
        "{P.their} aunt and three noisy cousins", "{P.their} father and a baby sister",
        "{P.their} mother and a little brother who followed {P.them} everywhere",
        "{P.their} parents and a dog who snored", "{P.their} grandparents",
        "{P.their} mum, {P.their} stepdad and a very fat hamster",
        "{P.their} two dads and a parrot", "{P.their} big brother and {P.their} mother",
        "{P.their} mother, {P.their} grandfather and a tank full of fish",
        "{P.their} father, {P.their} uncle and a tortoise called Speedy",
    ],
    # where a child or robot lives
    "home": [
        "in a yellow house at the end of {street}", "in a tall apartment building on {street}",
        "in a little flat above a {shop}", "in a cottage by the sea",
        "on a farm at the edge of {town}", "in a narrow house with a red door on {street}",
        "on a houseboat on the canal in {town}", "in a white house with a flat roof",
        "in a crooked old house at the top of {street}", "in a blue house with a {tree} in the yard",
        "in a busy street in the middle of {town}", "in a small town called {town}",
        "in a village near a wide brown river", "in a fishing village called {town}",
        "in a city full of buses and bicycles", "in a house on stilts beside a lagoon",
        "in a stone cottage with a garden full of {flowers}", "next to the {shop} on {street}",
        "in a green house with round windows on {street}", "at the end of a long lane in {town}",
    ],
    # where an animal lives
    "animal_home": [
        "in a cozy burrow under the roots of an old {tree}",
        "in a hollow log beside the stream", "in a nest high up in a {tree}",
        "in a little den at the edge of the woods", "under a mossy stone near the pond",
        "in a snug hole in the riverbank", "in a house made of sticks by the lake",
        "in a hollow at the top of a {tree}", "among the reeds at the edge of the marsh",
        "in a burrow with a round green door", "under a hedge full of {flowers}",
        "in a warm corner of the old barn", "in a little cave behind a waterfall",
        "in the long grass of {town} Meadow",
    ],
    # first halves of street names
    "street_word": [
        "Maple", "Lemon", "Willow", "Cherry", "Baker", "Mill", "Harbor",
        "Orchard", "Juniper", "Sparrow", "Kettle", "Lantern", "Bramble",
        "Chestnut", "Pepper", "Honey", "Acorn", "Ribbon", "Poppy", "Foxglove",
        "Clover", "Thistle", "Bell", "Mango", "Cinnamon", "Pebble", "Moon",
        "Sunrise", "Tulip", "Figtree", "Robin", "Beacon",
    ],
    "street_kind": ["Lane", "Street", "Road", "Avenue", "Close", "Row", "Hill", "Way"],
    "street": ["{street_word} {street_kind}"],
    # invented town names
    "town": [
        "Puddleby", "Bramblewick", "Kettleby", "Willowmere", "Pebbleton",
        "Foxhollow", "Millbrook", "Larkhill", "Riverbend", "Applecross",
        "Honeyford", "Stonebridge", "Lanternby", "Oakridge", "Saltwick",
        "Thistledown", "Cloverfield", "Marigold Bay", "Sunnyhill", "Copperwell",
        "Fernbrook", "Mossbank", "Goosewater", "Tumbleweed Flats",
    ],
    # people the hero may meet (with article)
    "stranger": [
        "a girl on a {color} bicycle", "the man who sold ice cream",
        "an old lady with a shopping trolley", "a boy walking a tiny dog",
        "a woman in a {color} {clothing}", "the lady from the {shop}",
        "a tall man with a {instrument} case", "a postman on his rounds",
        "a gardener with muddy boots", "a little boy holding a balloon",
        "a street sweeper with a wide broom", "a woman pushing a pram",
    ],
    # relatives, used as "{A.their} {relative}"
    "relative": [
        "grandmother", "grandfather", "aunt", "uncle", "big sister",
        "big brother", "cousin", "mother", "father", "godmother", "great-aunt",
        "great-grandfather",
    ],
    "ordinal": ["fifth", "sixth", "seventh", "eighth", "ninth", "last"],
    "number_word": ["two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve"],
    "big_number": ["twenty", "thirty", "forty", "fifty", "a hundred", "a thousand"],

    # --- time ----------------------------------------------------------------
    "weekday": [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ],
    # sentence openers, lower case (the tidy-up step adds capitals)
    "soon": [
        "soon", "then", "after a while", "a little later", "before long",
        "next", "after that", "a few minutes later", "not long after",
    ],
    "sudden": [
        "just then", "suddenly", "all at once", "at that very moment",
        "without any warning", "right then", "out of nowhere",
    ],
    "finally": [
        "at last", "finally", "in the end", "after what felt like forever",
        "after a long time", "at long last",
    ],
    # adverbs
    "carefully": [
        "carefully", "gently", "slowly", "quietly", "softly", "patiently",
        "cautiously", "steadily", "very carefully", "as gently as {P.they} could",
    ],
    # past-tense verbs of moving
    "moved": [
        "hurried", "skipped", "raced", "tiptoed", "wandered", "marched",
        "strolled", "dashed", "scrambled", "trotted", "zoomed", "hopped",
        "ambled", "bounded", "crept", "ran", "walked", "scampered", "jogged",
        "plodded", "stomped", "darted", "shuffled", "zigzagged", "sprinted",
        "rushed", "pottered",
    ],
    # past-tense verbs of looking
    "looked": [
        "looked", "peered", "peeked", "searched", "hunted", "rummaged",
        "poked about", "checked", "felt around",
    ],
    # singular sounds, used as "a {sound}"
    "sound": [
        "creak", "rustle", "splash", "buzz", "thump", "crackle", "whoosh",
        "squeak", "hoot", "clang", "rumble", "tinkle", "patter", "hiss", "drip",
        "click", "flutter", "honk", "chirp", "croak", "jingle", "thud",
        "crunch", "plop", "ping", "groan", "scratch", "tap", "rattle", "whistle",
        "clatter", "snuffle",
    ],
}


# ---------------------------------------------------------------------------
# 3. Characters: names from many cultures, animals, robots, grown-ups
# ---------------------------------------------------------------------------

GIRL_NAMES = [
    "Mia", "Amara", "Aisha", "Priya", "Sofia", "Mei", "Yuki", "Fatima", "Zara",
    "Leila", "Nadia", "Ana", "Lucia", "Chloe", "Emma", "Olivia", "Isla", "Freya",
    "Ingrid", "Astrid", "Elin", "Maja", "Zofia", "Kasia", "Olga", "Irina",
    "Katya", "Anya", "Daria", "Mila", "Vera", "Nina", "Eva", "Hana", "Sakura",
    "Aiko", "Haruka", "Emi", "Mio", "Nanami", "Ji-woo", "Seo-yeon", "Min-seo",
    "Ling", "Jing", "Xiu", "Lan", "Fang", "Linh", "Mai", "Thao", "Hoa",
    "Malee", "Ploy", "Ananya", "Diya", "Kavya", "Meera", "Nisha", "Riya",
    "Isha", "Anjali", "Lakshmi", "Deepa", "Tara", "Asha", "Pooja", "Layla",
    "Salma", "Yasmin", "Huda", "Mariam", "Rania", "Zainab", "Amira", "Hala",
    "Dalia", "Shirin", "Parisa", "Roya", "Elif", "Zeynep", "Ayla", "Defne",
    "Selin", "Zola", "Nia", "Imani", "Zuri", "Amani", "Adaeze", "Chiamaka",
    "Ngozi", "Abena", "Akosua", "Efua", "Esi", "Thandi", "Lindiwe", "Naledi",
    "Wanjiru", "Achieng", "Makena", "Njeri", "Halima", "Sade", "Folake",
    "Kemi", "Noa", "Talia", "Maya", "Shira", "Yael", "Tamar", "Valentina",
    "Camila", "Isabela", "Mariana", "Gabriela", "Paloma", "Ximena", "Luz",
    "Rosa", "Carmen", "Pilar", "Ines", "Catalina", "Renata", "Alma", "Marisol",
    "Clara", "Greta", "Heidi", "Lotte", "Anouk", "Fleur", "Elodie", "Margot",
    "Colette", "Giulia", "Chiara", "Francesca", "Beatriz", "Leonor",
    "Siobhan", "Niamh", "Aoife", "Maeve", "Ailsa", "Eilidh", "Gwen", "Cerys",
    "Rhiannon", "Linnea", "Saga", "Solveig", "Aroha", "Moana", "Leilani",
    "Mele", "Aiyana", "Winona", "Kaya", "Ruby", "Lily", "Poppy", "Rosie",
    "Daisy", "Hattie", "Matilda", "Edie", "Josie", "Maisie", "Nora", "Ivy",
    "Hazel", "Violet", "Alice", "Grace", "Holly", "Ligaya", "Dalisay", "Sari",
    "Putri", "Dewi", "Ayu", "Wulan", "Intan", "Eleni", "Daphne", "Thalia",
    "Ariadne", "Ani", "Nare", "Tamsin", "Bronwen", "Esther", "Miriam", "Precious",
    "Blessing", "Joy", "Kiri", "Anahera",
]

BOY_NAMES = [
    "Tomas", "Leo", "Omar", "Ravi", "Kenji", "Hiro", "Haruto", "Sota", "Kaito",
    "Yusuf", "Ali", "Hassan", "Karim", "Tariq", "Samir", "Idris", "Bilal",
    "Zayd", "Amir", "Reza", "Dariush", "Kian", "Arash", "Emre", "Mert", "Arjun",
    "Rohan", "Vikram", "Dev", "Aarav", "Kabir", "Nikhil", "Sanjay", "Anand",
    "Rahul", "Ishaan", "Kofi", "Kwame", "Kojo", "Yaw", "Kwesi", "Chidi",
    "Emeka", "Obi", "Tunde", "Femi", "Dayo", "Jabari", "Baraka", "Juma",
    "Tendai", "Sipho", "Themba", "Thabo", "Bongani", "Musa", "Tomasz", "Piotr",
    "Jakub", "Mateo", "Diego", "Santiago", "Pablo", "Javier", "Carlos", "Luis",
    "Miguel", "Rafael", "Joaquin", "Emilio", "Nico", "Marco", "Luca", "Matteo",
    "Giovanni", "Enzo", "Louis", "Hugo", "Theo", "Felix", "Oskar", "Lars",
    "Erik", "Anders", "Sven", "Bjorn", "Nils", "Finn", "Liam", "Oisin", "Cian",
    "Rory", "Callum", "Angus", "Euan", "Dylan", "Rhys", "Owen", "Gareth",
    "Jack", "Harry", "Alfie", "Archie", "George", "Oliver", "Henry", "Ben",
    "Max", "Jacob", "Noah", "Eli", "Ezra", "Avi", "Yosef", "Ivan", "Dmitri",
    "Misha", "Pavel", "Wei", "Jun", "Hao", "Bo", "Ming", "Tao", "Lei", "Bao",
    "Minh", "Duc", "Khoa", "Tuan", "Min-jun", "Ji-ho", "Do-yun", "Seo-jun",
    "Somchai", "Niran", "Arthit", "Tane", "Nikau", "Manaia", "Koa", "Keanu",
    "Mato", "Takoda", "Ahanu", "Sione", "Tevita", "Malakai", "Andrei",
    "Stefan", "Mihai", "Luka", "Marko", "Ivo", "Nikos", "Yannis", "Stavros",
    "Arturo", "Tiago", "Joao", "Rui", "Bruno", "Emil", "Anton", "Jonas",
    "Lukas", "Milan", "Otto", "Kaspar", "Hamza", "Yousef", "Faisal", "Adnan",
    "Raj", "Aditya", "Krish", "Ramon", "Hector", "Marcus", "Julian", "Samuel",
    "Isaac", "Caleb", "Amos", "Elias", "Ade", "Olu", "Kayode", "Chinedu",
    "Tenzing", "Dorje", "Bayu", "Agus", "Rizal", "Jose", "Paolo",
]

NEUTRAL_NAMES = [
    "Alex", "Sam", "Robin", "Kai", "Noor", "Sasha", "Jordan", "Riley", "Rowan",
    "Sky", "Ash", "Remy", "Morgan", "Quinn", "Avery", "Emery", "Ari", "Eden",
    "Sol", "Ren", "Haru", "Sora", "Hikaru", "Min", "Yun", "Jin", "Tenzin",
    "Dawa", "Nima", "Ayo", "Tobi", "Dara", "Shay", "Ellis", "Frankie",
    "Charlie", "Jamie", "Casey", "Bailey", "Finley", "Marley", "Indigo",
    "River", "Wren", "Sage", "Teo", "Nour", "Kiran", "Arin", "Dakota",
    "Kalani", "Nalu", "Mika", "Perry", "Lumi", "Oli", "Kit", "Pip", "Jaya",
    "Sunny", "Rio", "Kemal", "Amani", "Dana", "Lior", "Shiloh", "Nomvula",
    "Chayton", "Rumi", "Adi",
]

# Names for animal characters and robots.
CRITTER_NAMES = [
    "Pip", "Biscuit", "Clover", "Pepper", "Maple", "Juniper", "Waffles",
    "Button", "Noodle", "Pickle", "Sprout", "Pebble", "Bramble", "Hazel",
    "Ziggy", "Mochi", "Tofu", "Dumpling", "Nutmeg", "Ginger", "Cinnamon",
    "Saffron", "Poppy", "Daisy", "Misty", "Smudge", "Patch", "Socks",
    "Mittens", "Whiskers", "Tumble", "Fidget", "Puddle", "Acorn", "Bumble",
    "Crumpet", "Muffin", "Toffee", "Fudge", "Peanut", "Olive", "Figgy",
    "Barley", "Thistle", "Willow", "Bracken", "Fern", "Moss", "Rusty",
    "Sparky", "Dusty", "Mango", "Kiwi", "Coco", "Bean", "Sesame", "Wasabi",
    "Paprika", "Dot", "Scout", "Ripple", "Flick", "Hopscotch", "Marmalade",
    "Jellybean", "Honey", "Sorrel", "Pumpkin", "Domino", "Bingo", "Lulu",
    "Momo", "Pompom", "Squeak", "Tiko", "Zuzu", "Nibbles", "Sunny", "Blossom",
    "Skipper", "Chestnut", "Conker", "Twiggy", "Sooty", "Inky", "Bubbles",
]

ROBOT_NAMES = [
    "Bolt", "Beep", "Gizmo", "Sprocket", "Pixel", "Widget", "Cog", "Tinker",
    "Zip", "Bleep", "Chip", "Rivet", "Gadget", "Spark", "Volt", "Byte",
    "Echo", "Orbit", "Quark", "Servo", "Whirr", "Blinky", "Clank", "Dial",
    "Flicker", "Hum", "Tock", "Zippy", "Boop", "Nib", "Gear", "Ratchet",
    "Dynamo", "Axle", "Sprock", "Gauge", "Piston", "Bobbin",
]

# Animal heroes and friends: (kind, what they hold things with, voice verb).
ANIMAL_KINDS = [
    ("rabbit", "paw", "squeaked"), ("hare", "paw", None), ("fox", "paw", "yipped"),
    ("hedgehog", "paw", "snuffled"), ("badger", "paw", "grunted"),
    ("otter", "paw", "chirped"), ("mouse", "paw", "squeaked"),
    ("squirrel", "paw", "chattered"), ("duckling", "wing", "quacked"),
    ("gosling", "wing", "honked"), ("owlet", "wing", "hooted"),
    ("bear cub", "paw", "rumbled"), ("raccoon", "paw", "chittered"),
    ("tortoise", "foot", None), ("frog", "foot", "croaked"), ("beaver", "paw", None),
    ("mole", "paw", None), ("fawn", "hoof", None), ("lamb", "hoof", "bleated"),
    ("goat kid", "hoof", "bleated"), ("piglet", "trotter", "squealed"),
    ("kitten", "paw", "mewed"), ("puppy", "paw", "yapped"), ("pony", "hoof", "whinnied"),
    ("donkey", "hoof", "brayed"), ("hen", "wing", "clucked"), ("penguin", "flipper", "squawked"),
    ("panda cub", "paw", None), ("koala", "paw", None), ("elephant calf", "trunk", "trumpeted"),
    ("lion cub", "paw", "growled"), ("tiger cub", "paw", "growled"),
    ("monkey", "hand", "chattered"), ("sloth", "claw", None), ("llama", "hoof", "hummed"),
    ("seal pup", "flipper", "barked"), ("bat", "wing", "squeaked"),
    ("robin", "wing", "chirped"), ("sparrow", "wing", "chirped"),
    ("chipmunk", "paw", "chattered"), ("hamster", "paw", "squeaked"),
    ("porcupine", "paw", None), ("armadillo", "paw", None), ("lemur", "hand", None),
    ("wolf cub", "paw", "yipped"), ("polar bear cub", "paw", None),
    ("kangaroo joey", "paw", None), ("zebra foal", "hoof", None),
]

# Grown-ups who help: (title, pronoun or None for any, relation to the hero).
HELPER_TITLES = [
    ("Grandma", "she", "grandmother"), ("Granny", "she", "grandmother"),
    ("Nana", "she", "grandmother"), ("Grandpa", "he", "grandfather"),
    ("Grandad", "he", "grandfather"), ("Auntie", "she", "aunt"),
    ("Uncle", "he", "uncle"), ("Farmer", None, "neighbor"),
    ("Baker", None, "neighbor"), ("Captain", None, "neighbor"),
    ("Coach", None, "neighbor"),
]

ELDER_WOMEN = [
    "Rosa", "Amina", "Ruth", "Mei", "Esperanza", "Bea", "Farida", "Elsie",
    "Agnes", "Lupe", "Ines", "Hiroko", "Magda", "Shanti", "Dolores", "Marta",
    "Nkechi", "Soon-ja", "Wilhelmina", "Adela", "Imelda", "Gloria", "Tomasina",
    "Fatou", "Ama", "Parvati", "Ingeborg", "Consuelo", "Yetunde", "Mabel",
]
ELDER_MEN = [
    "Joe", "Kenji", "Ahmed", "Walter", "Olu", "Ivan", "Teodor", "Hamid",
    "Kwabena", "Bernard", "Gopal", "Yiannis", "Edmund", "Pavlo", "Haruki",
    "Mustafa", "Fergus", "Zaid", "Ebo", "Arvind", "Seamus", "Takeshi",
    "Alfonso", "Desmond", "Lev", "Abdul", "Wilfred", "Chen", "Kofi", "Ignacio",
]
ELDER_NAMES = ELDER_WOMEN + ELDER_MEN

# Wise old animals for the animal stories: "Grandma Owl", "Old Tortoise".
ELDER_ANIMALS = [
    "Owl", "Tortoise", "Badger", "Bear", "Heron", "Goose", "Beaver", "Mole",
    "Hare", "Raven", "Toad", "Hedgehog", "Turtle", "Elephant", "Deer", "Crane",
]
ELDER_ANIMAL_TITLES = [("Grandma", "she"), ("Grandpa", "he"), ("Auntie", "she"),
                       ("Uncle", "he"), ("Old", None)]

# A pet that sometimes comes along in the children's stories: (kind, what it does).
PETS = [
    ("dog", ["wagged {pet.their} tail", "sniffed at a {bug}", "barked at a {bird}", "rolled in the grass"]),
    ("puppy", ["chased {pet.their} own tail", "tripped over {pet.their} ears", "yapped at a {bird}"]),
    ("cat", ["washed {pet.their} face", "stretched in the sun", "watched a {bird} with great interest"]),
    ("kitten", ["pounced on a leaf", "batted at a {bug}", "curled up in a sunny spot"]),
    ("rabbit", ["nibbled a dandelion", "twitched {pet.their} nose", "thumped {pet.their} back foot"]),
    ("tortoise", ["munched a lettuce leaf", "plodded after them", "pulled {pet.their} head in"]),
    ("parrot", ["squawked a rude word", "copied the noise of a {vehicle}", "nibbled a sunflower seed"]),
    ("goat", ["tried to eat a {clothing}", "bleated at a {bird}", "nibbled the edge of a bush"]),
    ("duck", ["quacked at a {bug}", "waddled after them", "splashed in a puddle"]),
    ("hen", ["pecked at a seed", "clucked at a {bug}", "fluffed up {pet.their} feathers"]),
]


# ---------------------------------------------------------------------------
# 4. Places
# ---------------------------------------------------------------------------
# Every place has its own little word lists, so that what happens there fits:
#   feature  - things you can see there ("the old pier")
#   spot     - where something could hide ("under the pier")
#   sight    - something happening there, a past-tense clause
#   sound    - a past-tense clause about a sound
#   smell    - a noun phrase ("salt and seaweed")
#   activity - something to do there, a past-tense verb phrase ("they ...")
# world "H" places are for stories about children, "B" places for any story.
# Tags say which plots can happen there.

PLACES = [
    dict(name="the beach", prep="at", world="B", tags=["outdoor", "water", "beach", "wild"],
         feature=["the lighthouse", "the rock pools", "the old pier", "the sand dunes",
                  "the striped beach huts", "the harbor wall"],
         spot=["under the old pier", "among the heaps of seaweed", "behind a striped beach hut",
               "between the rocks", "in a half-built sandcastle", "under a washed-up plank",
               "in a rock pool", "in the long grass of the dunes"],
         sight=["a crab scuttled sideways over the wet sand", "gulls wheeled and cried above the waves",
                "a dog chased the foam and barked at every wave", "small boats bobbed far out on the water",
                "a line of tiny footprints led down to the sea", "a kite with a long tail danced over the dunes",
                "the tide was creeping slowly up the sand"],
         sound=["the waves hushed against the shore", "a gull laughed high overhead",
                "pebbles rattled as the water pulled back"],
         smell=["salt and seaweed", "sun cream and chips", "wet sand and sea air"],
         activity=["built a sandcastle with a deep moat", "hunted for shells along the tideline",
                   "paddled in the shallow water", "drew giant pictures in the sand with sticks",
                   "skimmed flat stones across the water"]),
    dict(name="the park", prep="in", world="H", tags=["outdoor", "play", "wild", "crowd"],
         feature=["the bandstand", "the duck pond", "the tall slide", "the swings",
                  "the fountain", "the old bench by the gate"],
         spot=["under the slide", "behind the bandstand", "in the flower beds",
               "under a bench", "beside the fountain", "in a pile of leaves",
               "under the roundabout", "in the long grass by the fence"],
         sight=["ducks paddled in circles on the pond", "a man sold balloons by the gate",
                "two squirrels chased each other up a {tree}", "a girl flew a {color} kite",
                "a toddler fed bread crumbs to the pigeons", "an old man played chess on a bench",
                "joggers puffed along the path"],
         sound=["the swings squeaked as they went up and down", "a dog barked at the ducks",
                "children shrieked with laughter on the roundabout"],
         smell=["cut grass and hot doughnuts", "roses and rain", "popcorn from the little stall"],
         activity=["played on the swings", "raced each other to the fountain",
                   "fed the ducks with seeds", "rolled down the grassy bank",
                   "counted the pigeons on the path"]),
    dict(name="the forest", prep="in", world="B", tags=["outdoor", "wild"],
         feature=["the tall pines", "the mossy stream", "the fallen log", "the fairy ring of toadstools",
                  "the old oak with a hollow", "the narrow path"],
         spot=["inside a hollow log", "under a heap of brown leaves", "behind a mossy stone",
               "among the ferns", "in a hollow at the bottom of an old oak", "under a bramble bush",
               "beneath the roots of a fallen tree", "in a patch of toadstools"],
         sight=["sunlight fell through the leaves in long golden stripes", "a woodpecker drummed on a dead branch",
                "a deer lifted its head and then slipped away", "mushrooms grew in a neat little ring",
                "a squirrel dropped a pine cone on the path", "a spider had strung a web between two ferns"],
         sound=["the trees creaked and whispered", "a stream babbled just out of sight",
                "twigs snapped under their feet"],
         smell=["pine needles and damp moss", "wet earth and mushrooms", "leaves and wood smoke"],
         activity=["built a den out of fallen branches", "followed the stream for a while",
                   "collected pine cones in a bag", "balanced along a fallen log",
                   "listened for woodpeckers"]),
    dict(name="the meadow", prep="in", world="B", tags=["outdoor", "wild", "high"],
         feature=["the big oak in the middle", "the stone wall", "the little wooden gate",
                  "the hill at the far end", "the patch of wild {flowers}"],
         spot=["in the long grass", "behind the stone wall", "under the big oak",
               "among the {flowers}", "beside the wooden gate", "in a rabbit hole",
               "under a thistle", "in a clump of clover"],
         sight=["butterflies drifted from flower to flower", "a hare sat up on its back legs and stared",
                "the grass rippled like green water in the wind", "bees buzzed busily over the clover",
                "a kestrel hovered high above the grass"],
         sound=["grasshoppers chirped all around them", "the wind hummed through the long grass",
                "a skylark sang high above"],
         smell=["warm grass and wild {flowers}", "clover and honey", "hay and sunshine"],
         activity=["made daisy chains", "played hide and seek in the long grass",
                   "chased butterflies", "lay on their backs and watched the clouds",
                   "picked a bunch of {flowers}"]),
    dict(name="the pond", prep="at", world="B", tags=["outdoor", "water"],
         feature=["the wooden jetty", "the lily pads", "the tall reeds", "the little island",
                  "the willow that leaned over the water"],
         spot=["among the reeds", "under a lily pad", "beneath the wooden jetty",
               "behind the willow", "in the mud at the edge", "under a flat stone by the water"],
         sight=["dragonflies zipped over the water", "a moorhen paddled in and out of the reeds",
                "frogs sat on the lily pads like little green kings", "tadpoles wriggled in the shallows",
                "a heron stood as still as a statue"],
         sound=["frogs croaked in a noisy chorus", "something plopped into the water",
                "the reeds rustled and whispered"],
         smell=["mud and water weed", "wet leaves and pondweed", "mint growing by the water"],
         activity=["looked for frogspawn", "dipped nets into the water", "watched the pond skaters",
                   "floated leaf boats", "counted the lily pads"]),
    dict(name="the riverbank", prep="on", world="B", tags=["outdoor", "water", "wild"],
         feature=["the stepping stones", "the old stone bridge", "the waterfall", "the rope swing",
                  "the bend in the river"],
         spot=["under the old bridge", "between the stepping stones", "among the roots of a willow",
               "behind a clump of reeds", "in a little muddy cove", "under a tangle of driftwood"],
         sight=["the water flashed silver in the sun", "a kingfisher shot past like a blue arrow",
                "an otter rolled over in the current", "leaves spun slowly on the water",
                "a family of ducks sailed past in a line"],
         sound=["the river gurgled over the stones", "the waterfall roared in the distance",
                "a fish jumped with a splash"],
         smell=["river water and wild garlic", "wet stones and moss", "willow leaves and mud"],
         activity=["dropped sticks off the bridge and raced them", "hopped along the stepping stones",
                   "built a little dam of pebbles", "watched the fish in the shallows",
                   "paddled their feet in the cold water"]),
    dict(name="the garden", prep="in", world="B", tags=["outdoor", "grow", "home"],
         feature=["the vegetable patch", "the apple tree", "the garden shed", "the bird bath",
                  "the wheelbarrow", "the old swing"],
         spot=["under the wheelbarrow", "behind the garden shed", "in the compost heap",
               "among the {vegetables}", "in the bird bath", "under the rhubarb leaves",
               "inside a flowerpot", "under the hedge"],
         sight=["a robin watched them from the handle of a spade", "bees hummed around the {flowers}",
                "a snail left a silver trail on the path", "the washing flapped on the line",
                "a blackbird tugged a worm out of the lawn"],
         sound=["the wind chimes tinkled by the door", "a bee buzzed past {A.their} ear",
                "the gate squeaked in the breeze"],
         smell=["tomato leaves and warm soil", "roses and freshly cut grass", "mint and wet earth"],
         activity=["watered the {vegetables}", "pulled up weeds", "dug for worms",
                   "filled the bird feeder", "picked {fruits} from the bushes"]),
    dict(name="the market", prep="at", world="H", tags=["outdoor", "crowd"],
         feature=["the fruit stall", "the fish stall", "the clock tower", "the spice stall",
                  "the stall that sold hats", "the big striped awning"],
         spot=["under the fruit stall", "behind a stack of crates", "in a basket of {fruits}",
               "beneath the striped awning", "beside the flower stall", "under a pile of empty sacks"],
         sight=["stall keepers shouted the prices of {fruits} and {vegetables}",
                "a man juggled oranges to sell them", "piles of {fruits} glowed in the sun",
                "a woman weighed {vegetables} on shiny brass scales", "bunches of {flowers} stood in buckets"],
         sound=["people called and laughed and bargained", "a bell rang on the clock tower",
                "a cart rattled over the cobbles"],
         smell=["{spice} and fresh bread", "oranges and roasted nuts", "flowers and fish and {spice}"],
         activity=["tasted a slice of {snack}", "bought a bag of {fruits}",
                   "watched a man make noodles by hand", "looked at the baskets and bowls",
                   "counted the different kinds of {vegetables}"]),
    dict(name="the library", prep="at", world="H", tags=["indoor", "quiet"],
         feature=["the reading corner", "the tall shelves", "the story rug", "the globe",
                  "the big window seat", "the return desk"],
         spot=["behind the big globe", "under the story rug", "between two books about {book_topic}",
               "under a beanbag", "behind the return desk", "on the bottom shelf",
               "inside a book box", "under the window seat"],
         sight=["sunlight lay in squares on the floor", "a boy read a book about {book_topic} upside down",
                "the librarian stamped books with a loud thunk", "a cart of books waited to be put away",
                "someone had built a tower of picture books"],
         sound=["pages turned softly all around them", "the clock ticked above the desk",
                "someone whispered and someone else giggled"],
         smell=["old books and floor polish", "paper and pencil shavings", "dust and ink"],
         activity=["read a book about {book_topic}", "looked at maps of faraway countries",
                   "listened to a story on the rug", "found a book about {book_topic}",
                   "chose three books each"]),
    dict(name="the kitchen", prep="in", world="B", tags=["indoor", "home", "bake"],
         feature=["the big wooden table", "the stove", "the pantry", "the window over the sink",
                  "the shelf of jars", "the fridge covered in drawings"],
         spot=["under the kitchen table", "behind the bread bin", "inside the biscuit tin",
               "in the drawer of spoons", "on top of the fridge", "in the vegetable basket",
               "behind the jars of {spice}", "under a tea towel"],
         sight=["a pot of soup bubbled on the stove", "flour dusted the table like snow",
                "a cat slept on the warm windowsill", "bowls and spoons were piled in the sink",
                "steam curled up from the kettle"],
         sound=["the kettle began to whistle", "a spoon clinked against a bowl",
                "the fridge hummed to itself"],
         smell=["{spice} and warm butter", "toast and onions", "soup and fresh bread"],
         activity=["washed the {vegetables}", "rolled out some dough", "laid the table",
                   "stirred the soup", "cracked eggs into a bowl"]),
    dict(name="the school playground", prep="in", world="H", tags=["outdoor", "play", "school"],
         feature=["the climbing frame", "the hopscotch squares", "the big tree by the wall",
                  "the bike shed", "the painted map on the ground"],
         spot=["under the climbing frame", "behind the bike shed", "in the sandpit",
               "under the big tree", "by the bins", "in the lost property box", "behind the water fountain"],
         sight=["children played tag around the big tree", "a group of girls skipped rope",
                "chalk drawings covered the ground", "a teacher blew a silver whistle",
                "boys kicked a ball against the wall"],
         sound=["the school bell rang", "feet thundered on the climbing frame",
                "somebody counted to ten very loudly"],
         smell=["chalk and wet tarmac", "school dinners and cut grass", "oranges from somebody's lunchbox"],
         activity=["played hopscotch", "swung on the monkey bars", "drew with chalk on the ground",
                   "played tag", "swapped stickers"]),
    dict(name="the classroom", prep="in", world="B", tags=["indoor", "school"],
         feature=["the nature table", "the fish tank", "the reading corner", "the big whiteboard",
                  "the paint pots", "the class hamster's cage"],
         spot=["under the teacher's desk", "in the paint cupboard", "behind the fish tank",
               "in the basket of dressing-up clothes", "inside a pencil pot", "under a pile of paintings",
               "in the cloakroom", "behind the piano"],
         sight=["paintings of {drawable} hung on the walls", "the class hamster ran on its wheel",
                "a paper chain stretched across the ceiling", "seeds were sprouting in yogurt pots on the windowsill",
                "the fish tank bubbled in the corner"],
         sound=["chairs scraped on the floor", "the clock ticked slowly", "pencils scratched on paper"],
         smell=["paint and glue", "crayons and wet coats", "pencil shavings"],
         activity=["painted pictures of {drawable}", "fed the fish", "practiced writing their names",
                   "built a tower of blocks", "sang a song about {book_topic}"]),
    dict(name="the farm", prep="on", world="B", tags=["outdoor", "grow", "wild"],
         feature=["the red barn", "the duck pond", "the hay bales", "the tractor",
                  "the pig sty", "the henhouse"],
         spot=["in the hay", "behind the tractor", "under the henhouse", "in the water trough",
               "inside an empty bucket", "behind the barn door", "among the straw bales", "in the feed sack"],
         sight=["hens scratched and pecked in the yard", "a goat stood on top of an upturned bucket",
                "piglets snoozed in a pink heap", "cows chewed slowly in the field",
                "a sheepdog rounded up a flock of sheep"],
         sound=["a rooster crowed from the fence", "the cows mooed in the field", "the tractor rumbled past"],
         smell=["hay and mud", "fresh milk and straw", "apples and animals"],
         activity=["collected eggs from the henhouse", "fed the goats", "helped to brush a pony",
                   "rode on the back of the tractor", "scattered grain for the hens"]),
    dict(name="the orchard", prep="in", world="B", tags=["outdoor", "grow"],
         feature=["the oldest apple tree", "the ladder", "the rows of trees", "the beehives",
                  "the wooden cart"],
         spot=["in a basket of windfalls", "behind the beehives", "under the ladder",
               "in the long grass under the trees", "in a hollow of the oldest tree", "under the wooden cart"],
         sight=["ripe {fruits} hung heavy on the branches", "wasps buzzed around the fallen fruit",
                "blossom drifted down like pink snow", "a blackbird pecked at a fallen apple"],
         sound=["bees hummed around the hives", "fruit thudded onto the grass", "leaves rustled overhead"],
         smell=["ripe apples and warm grass", "blossom and honey", "pears and cider"],
         activity=["picked {fruits}", "filled a basket", "climbed the low branches",
                   "made a den under the trees"]),
    dict(name="the hill", prep="on", world="B", tags=["outdoor", "high", "wild", "windy"],
         feature=["the lone tree at the top", "the old windmill", "the stone marker",
                  "the steep path", "the view over {town}"],
         spot=["behind the stone marker", "in the heather", "under the lone tree",
               "among the gorse bushes", "in a dip in the grass", "behind the windmill"],
         sight=["they could see all the roofs of {town} from the top", "the wind flattened the grass",
                "sheep dotted the slope like little clouds", "a hawk circled high overhead",
                "the shadows of clouds raced across the fields below"],
         sound=["the wind whistled past their ears", "the windmill creaked as it turned",
                "sheep bleated far below"],
         smell=["heather and fresh air", "grass and wind", "gorse flowers, like coconut"],
         activity=["rolled down the slope", "flew a paper plane from the top",
                   "had a race to the windmill", "looked for their houses far below"]),
    dict(name="the harbor", prep="at", world="H", tags=["outdoor", "water", "crowd"],
         feature=["the fishing boats", "the lighthouse", "the ice cream kiosk", "the lobster pots",
                  "the harbor wall", "the big anchor"],
         spot=["behind the lobster pots", "under a coil of rope", "between two fishing boats",
               "under the ice cream kiosk", "in a crate of nets", "beside the big anchor"],
         sight=["fishermen mended their nets on the quay", "boats bobbed and clinked at their moorings",
                "a seal poked its head out of the water", "gulls squabbled over a fish head",
                "a ferry chugged out past the lighthouse"],
         sound=["ropes creaked against the posts", "a foghorn hooted far away", "the masts clinked in the wind"],
         smell=["fish and salt", "tar and seaweed", "chips and the sea"],
         activity=["counted the boats", "watched the fishermen", "bought ice creams",
                   "looked for crabs off the harbor wall"]),
    dict(name="the zoo", prep="at", world="H", tags=["outdoor", "crowd", "wild"],
         feature=["the giraffe house", "the penguin pool", "the monkey island", "the reptile house",
                  "the map by the gate", "the little train"],
         spot=["behind the map by the gate", "under a bench near the penguins", "in a flower bed",
               "beside the ice cream cart", "under the little train's platform", "behind a sign about snakes"],
         sight=["the giraffes nibbled leaves from the tops of the trees", "penguins shot through the water like torpedoes",
                "a tiger padded along the fence", "a keeper threw fish to the sea lions",
                "monkeys swung from rope to rope"],
         sound=["a lion roared far away", "the parrots screeched", "the little train tooted"],
         smell=["popcorn and hay", "animals and sun cream", "fish and ice cream"],
         activity=["watched the penguins being fed", "rode the little train",
                   "read all the signs about {book_topic}", "made faces at the monkeys"]),
    dict(name="the museum", prep="at", world="H", tags=["indoor", "crowd", "quiet"],
         feature=["the dinosaur skeleton", "the mummy case", "the room of old clocks",
                  "the giant whale model", "the marble stairs", "the gift shop"],
         spot=["behind a stone statue", "under a bench in the clock room", "beside the dinosaur's foot",
               "in the gift shop", "under the marble stairs", "by the coat rack"],
         sight=["the dinosaur skeleton towered over them", "old clocks ticked in glass cases",
                "a guide led a line of schoolchildren past", "a giant whale hung from the ceiling",
                "a knight's armor shone in a corner"],
         sound=["footsteps echoed on the marble floor", "a guard coughed politely",
                "all the clocks chimed at once"],
         smell=["polish and old wood", "dust and stone", "coffee from the little cafe"],
         activity=["looked at the fossils", "drew the dinosaur in a notebook",
                   "pressed the buttons in the science room", "counted the clocks"]),
    dict(name="the attic", prep="in", world="B", tags=["indoor", "home", "dark"],
         feature=["the round window", "the old trunk", "the dusty rocking horse", "the stack of boxes",
                  "the sloping roof beams"],
         spot=["inside the old trunk", "behind the stack of boxes", "under a dust sheet",
               "in a hat box", "behind the rocking horse", "under a loose floorboard", "in a suitcase"],
         sight=["dust danced in the light from the round window", "cobwebs hung from the beams",
                "old photographs peeked out of a shoebox", "a dressmaker's dummy stood in the corner"],
         sound=["the floorboards creaked", "rain pattered on the roof", "something scuttled behind the boxes"],
         smell=["dust and old paper", "mothballs and wood", "lavender and dust"],
         activity=["opened the old trunk", "tried on hats", "looked at old photographs",
                   "found a box of old toys"]),
    dict(name="the lake", prep="at", world="B", tags=["outdoor", "water", "wild"],
         feature=["the boathouse", "the little island", "the wooden pier", "the pebbly shore",
                  "the mountains on the other side"],
         spot=["under the wooden pier", "behind the boathouse", "under an upturned rowing boat",
               "among the pebbles on the shore", "in the reeds", "under a pine tree by the water"],
         sight=["the water was as flat and bright as a mirror", "a swan glided past with three cygnets",
                "a rowing boat creaked at its rope", "fish made rings on the water"],
         sound=["water lapped against the pier", "a loon called across the lake", "oars splashed far away"],
         smell=["pine trees and cold water", "wet wood and pebbles", "fresh air and lake water"],
         activity=["threw pebbles into the water", "rowed a little boat near the shore",
                   "waded in up to their knees", "looked for flat stones"]),
    dict(name="the mountain path", prep="on", world="B", tags=["outdoor", "wild", "high"],
         feature=["the rickety bridge", "the waterfall", "the cairn of stones", "the pine woods",
                  "the snowy peak", "the mountain hut"],
         spot=["behind a boulder", "under a pine tree", "in a crack between two rocks",
               "beside the cairn", "under the rickety bridge", "in a patch of blueberry bushes"],
         sight=["goats leaped from rock to rock", "the snowy peak glittered far above",
                "a marmot whistled from a rock", "the path zigzagged up through the pines",
                "an eagle floated on the wind"],
         sound=["the stream rushed down the mountain", "cowbells clanked far away", "stones skittered down the slope"],
         smell=["pine resin and cold air", "wild thyme and stone", "snow and sunshine"],
         activity=["climbed up to the bridge", "added a stone to the cairn", "picked wild blueberries",
                   "stopped to look at the view"]),
    dict(name="the fair", prep="at", world="H", tags=["outdoor", "crowd", "contest"],
         feature=["the carousel", "the big wheel", "the coconut shy", "the candy floss stall",
                  "the helter-skelter", "the prize tent"],
         spot=["behind the carousel", "under the candy floss stall", "in the prize tent",
               "beside the big wheel", "under a straw bale", "behind the coconut shy"],
         sight=["the carousel horses went up and down", "lights twinkled on the big wheel",
                "a man on stilts waved at everybody", "children queued for the helter-skelter",
                "balloons bobbed above the crowd"],
         sound=["music jangled from the carousel", "people screamed happily on the rides",
                "a man with a loudspeaker called out the prizes"],
         smell=["candy floss and hot dogs", "popcorn and toffee apples", "sugar and diesel"],
         activity=["rode the carousel", "tried to win a coconut", "ate candy floss",
                   "went on the big wheel"]),
    dict(name="the train station", prep="at", world="H", tags=["indoor", "crowd"],
         feature=["the big clock", "the ticket office", "the platform", "the cafe",
                  "the departure board", "the footbridge"],
         spot=["under a bench on the platform", "by the ticket machine", "in the cafe",
               "beside the big clock", "under the footbridge stairs", "in the waiting room"],
         sight=["a train slid in with a hiss of brakes", "people hurried with suitcases",
                "the departure board clicked and changed", "a guard waved a little flag",
                "pigeons strutted along the platform"],
         sound=["a voice announced the next train", "doors beeped and slid shut", "a whistle blew"],
         smell=["coffee and rain", "pastries and engine oil", "wet umbrellas"],
         activity=["watched the trains come and go", "read the departure board",
                   "waved at the drivers", "bought a bun at the cafe"]),
    dict(name="the bakery", prep="at", world="H", tags=["indoor", "bake"],
         feature=["the big oven", "the glass counter", "the flour sacks", "the cake shelf",
                  "the back room"],
         spot=["behind the flour sacks", "under the counter", "in a bread basket",
               "on the cake shelf", "in the back room", "under a cooling rack"],
         sight=["loaves cooled in neat rows", "a baker slid trays in and out of the oven",
                "cakes with {color} icing sat behind the glass", "flour floated in the air like mist"],
         sound=["the oven door clanged", "the bell over the door jingled", "the dough mixer whirred"],
         smell=["warm bread and {spice}", "sugar and butter", "toast and {spice}"],
         activity=["helped to knead the dough", "watched the bread rise",
                   "put sprinkles on the buns", "sorted the rolls into baskets"]),
    dict(name="the island", prep="on", world="B", tags=["outdoor", "water", "wild", "beach"],
         feature=["the palm trees", "the little jetty", "the coral reef", "the hill in the middle",
                  "the hut on stilts"],
         spot=["under a palm tree", "behind the hut on stilts", "inside a big shell",
               "among the tree roots", "under the little jetty", "in a sandy hollow"],
         sight=["turtles swam in the clear water", "coconuts lay on the white sand",
                "bright fish darted around the reef", "crabs hurried in and out of their holes"],
         sound=["palm leaves rattled in the breeze", "waves broke on the reef", "a parrot screeched"],
         smell=["coconuts and salt", "flowers and sea spray", "warm sand"],
         activity=["snorkeled over the reef", "collected shells", "climbed the little hill",
                   "built a shelter out of palm leaves"]),
    dict(name="the cave", prep="in", world="B", tags=["indoor", "dark", "wild"],
         feature=["the narrow entrance", "the underground pool", "the glittering rocks",
                  "the stalactites", "the echoing hall"],
         spot=["behind a stalagmite", "in a crack in the wall", "beside the underground pool",
               "under a rocky ledge", "in a dark corner"],
         sight=["water dripped from long stone icicles", "the rocks glittered when the light touched them",
                "bats hung upside down in a sleepy row", "their shadows stretched huge on the walls"],
         sound=["every word came back as an echo", "water dripped into the pool", "bats squeaked softly"],
         smell=["cold stone and water", "damp rock", "earth and cold air"],
         activity=["shone flashlights at the ceiling", "listened to their echoes",
                   "looked for glittering rocks"]),
    dict(name="the town square", prep="in", world="H", tags=["outdoor", "crowd", "contest"],
         feature=["the fountain", "the clock tower", "the statue of a horse", "the cafe tables",
                  "the bandstand", "the town hall steps"],
         spot=["behind the statue", "under a cafe table", "in the fountain", "on the town hall steps",
               "under the bandstand", "beside a flower tub"],
         sight=["pigeons pecked around the fountain", "a street musician played the {instrument}",
                "people sat at little tables drinking coffee", "bunting fluttered between the lamp posts"],
         sound=["the clock struck the hour", "the fountain splashed and sparkled", "a bicycle bell rang"],
         smell=["coffee and cake", "fresh flowers and rain", "roasting chestnuts"],
         activity=["threw a coin into the fountain", "listened to the music",
                   "fed crumbs to the sparrows", "counted the pigeons"]),
    dict(name="the greenhouse", prep="in", world="H", tags=["indoor", "grow"],
         feature=["the tomato vines", "the seed trays", "the watering cans", "the potting bench",
                  "the cactus shelf"],
         spot=["under the potting bench", "behind the tomato vines", "in a seed tray",
               "inside a watering can", "behind the cactus shelf", "in a bag of compost"],
         sight=["tomatoes hung in red bunches", "tiny green shoots poked out of the seed trays",
                "drops of water ran down the glass", "a ladybug crawled along a leaf"],
         sound=["water gurgled in the pipes", "rain drummed on the glass roof", "a fly buzzed at the window"],
         smell=["tomato leaves and damp soil", "warm earth and basil", "compost and flowers"],
         activity=["watered the seedlings", "planted seeds in little pots",
                   "picked tomatoes", "labeled the seed trays"]),
    dict(name="the barn", prep="in", world="B", tags=["indoor", "wild", "dark"],
         feature=["the hay loft", "the ladder", "the old cart", "the stable doors",
                  "the swallows' nests"],
         spot=["in the hay loft", "under the old cart", "behind a hay bale",
               "in an empty stall", "under a saddle", "in a feed bin"],
         sight=["swallows swooped in and out of the door", "dust glowed in the beams of light",
                "a cat slept on a sack of grain", "a horse looked out over its stable door"],
         sound=["the hay rustled", "a horse stamped and snorted", "the big door banged in the wind"],
         smell=["hay and horses", "straw and dust", "leather and oats"],
         activity=["jumped into the hay", "climbed the ladder to the loft",
                   "brushed the horse", "counted the swallows' nests"]),
    dict(name="the swimming pool", prep="at", world="H", tags=["indoor", "water", "pool"],
         feature=["the deep end", "the diving board", "the shallow end", "the lifeguard's chair",
                  "the changing rooms"],
         spot=["in the changing rooms", "under a bench by the pool", "in the lost property box",
               "beside the lifeguard's chair", "in a locker", "under a pile of towels"],
         sight=["swimmers splashed up and down the lanes", "a lifeguard watched from a tall chair",
                "the water glittered blue and bright", "a little boy bobbed past in armbands"],
         sound=["splashes and shouts echoed off the walls", "a whistle blew", "the water slapped the sides"],
         smell=["chlorine and wet towels", "soap and warm water", "chlorine and crisps"],
         activity=["practiced floating", "jumped in at the shallow end",
                   "dived for rubber rings", "raced across the width of the pool"]),
    dict(name="the bamboo grove", prep="in", world="B", tags=["outdoor", "wild"],
         feature=["the tall green stems", "the little shrine", "the stone lantern", "the winding path",
                  "the clearing"],
         spot=["behind the stone lantern", "among the bamboo stems", "under a pile of dry leaves",
               "beside the little shrine", "in a hollow bamboo stump"],
         sight=["the bamboo swayed high overhead", "light flickered green and gold",
                "a panda munched on a shoot", "a little bird hopped along the path"],
         sound=["the stems knocked together like wooden bells", "leaves whispered in the wind",
                "a stream trickled over the stones"],
         smell=["green leaves and rain", "earth and bamboo", "moss and stone"],
         activity=["followed the winding path", "listened to the bamboo knock together",
                   "made a flute out of a hollow stem"]),
    dict(name="the rice fields", prep="in", world="B", tags=["outdoor", "water", "grow", "wild"],
         feature=["the terraces", "the little wooden hut", "the water buffalo", "the narrow paths",
                  "the scarecrow"],
         spot=["behind the scarecrow", "under the wooden hut", "among the rice plants",
               "in a muddy ditch", "beside the water buffalo"],
         sight=["the terraces climbed the hill like green stairs", "a water buffalo lay in the mud",
                "egrets stepped carefully between the plants", "farmers in wide hats bent over the rice"],
         sound=["water trickled from terrace to terrace", "frogs croaked in the paddies",
                "the buffalo's bell clonked"],
         smell=["mud and green rice", "wet earth and rain", "rice and river water"],
         activity=["walked along the narrow paths", "helped to plant rice",
                   "watched the egrets", "looked for frogs in the water"]),
    dict(name="the marsh", prep="in", world="B", tags=["outdoor", "water", "wild"],
         feature=["the boardwalk", "the bird hide", "the tall rushes", "the old boat",
                  "the misty pools"],
         spot=["under the boardwalk", "in the bird hide", "among the rushes",
               "inside the old boat", "in a clump of reeds"],
         sight=["mist floated over the water", "a heron flapped slowly away",
                "ducks dabbled upside down", "dragonflies flashed blue and green"],
         sound=["reeds rattled in the wind", "a bittern boomed in the reeds", "water sucked at the mud"],
         smell=["mud and reeds", "salt and rushes", "rain and marsh water"],
         activity=["walked along the boardwalk", "watched birds from the hide",
                   "counted the ducks", "looked for frogs"]),
    dict(name="the workshop", prep="in", world="H", tags=["indoor", "home", "make"],
         feature=["the workbench", "the tool rack", "the box of springs", "the vice",
                  "the shelves of jars full of screws"],
         spot=["under the workbench", "in the box of springs", "behind the tool rack",
               "in a jar of buttons", "under a pile of wood shavings", "in the toolbox"],
         sight=["tools hung neatly on the wall", "wood shavings curled on the floor",
                "a half-built birdhouse waited on the bench", "a radio sat in pieces on a cloth"],
         sound=["the radio played quietly", "a saw rasped", "a hammer tapped"],
         smell=["sawdust and oil", "glue and wood", "paint and metal"],
         activity=["sanded a piece of wood", "sorted screws into jars",
                   "painted a birdhouse", "hammered nails into a plank"]),
    dict(name="the rooftop garden", prep="in", world="H", tags=["outdoor", "grow", "high"],
         feature=["the raised beds", "the water tank", "the bench by the railing",
                  "the pots of herbs", "the view of the city"],
         spot=["under the bench", "behind the water tank", "among the herb pots",
               "in a raised bed", "behind a big pot of {flowers}"],
         sight=["the whole city spread out below them", "pigeons lined up on the railing",
                "beans climbed up bamboo canes", "washing flapped on the next roof"],
         sound=["traffic hummed far below", "a pigeon cooed", "a siren wailed far away across the city"],
         smell=["basil and warm concrete", "tomatoes and city air", "mint and rain"],
         activity=["watered the herbs", "picked beans", "watched the buses far below",
                   "counted the cranes on the skyline"]),
    dict(name="the campsite", prep="at", world="H", tags=["outdoor", "wild"],
         feature=["the tents", "the campfire", "the stream", "the big rock",
                  "the washing-up tap"],
         spot=["inside a tent", "behind the big rock", "under a camping chair",
               "beside the campfire stones", "under a pile of sleeping bags", "in the log pile"],
         sight=["smoke rose from the campfire", "tents stood in a wonky row",
                "a squirrel ran off with a crust", "a washing line was strung between two trees"],
         sound=["the fire crackled", "someone strummed a guitar", "an owl hooted in the trees"],
         smell=["wood smoke and sausages", "pine needles and toast", "wet canvas"],
         activity=["collected sticks for the fire", "toasted marshmallows",
                   "put up the tent", "fetched water from the stream"]),
]


# ---------------------------------------------------------------------------
# 5. Characters, templates and dialogue
# ---------------------------------------------------------------------------

# The words each pronoun needs. Templates write {A.they}, {A.them}, {A.their},
# {A.was} ("was" or "were") and so on; {A.They} and {A.Their} start a sentence.
PRONOUNS = {
    "she": dict(they="she", them="her", their="her", theirs="hers",
                themself="herself", was="was", has="has", does="does"),
    "he": dict(they="he", them="him", their="his", theirs="his",
               themself="himself", was="was", has="has", does="does"),
    "they": dict(they="they", them="them", their="their", theirs="theirs",
                 themself="themself", was="were", has="have", does="do"),
}


class Character:
    """One person, animal or robot in a story, with everything templates need."""

    def __init__(self, name, kind, pronoun, role, hand="hand", voice=None):
        self.name = name          # "Mia", "Grandma Rosa", "Pip"
        self.kind = kind          # "girl", "boy", "child", "rabbit", "robot"
        self.role = role          # "child", "animal", "robot", "adult", "elder"
        self.pronoun = pronoun    # "she", "he" or "they"
        self.hand = hand          # what it holds things with: hand, paw, wing...
        self.hands = hand + "s"
        self.voice = voice        # a special speaking verb ("squeaked"), or None
        self.pocket = {"child": "pocket", "robot": "storage drawer"}.get(role, "little bag")
        self.look = self.home = self.family = self.near = ""
        for key, value in PRONOUNS[pronoun].items():
            setattr(self, key, value)
        self.They = self.they.capitalize()
        self.Their = self.their.capitalize()


class Slots(dict):
    """The mapping that fills a template (used with str.format_map).

    Fixed story values (the cast, the place, the lost thing...) are stored in
    the dict itself. A key that is not there is looked up in the story's
    place first, then in WORDS, and a fresh word is dealt each time.
    """

    def __init__(self, story, extra):
        super().__init__(story.vars)
        self.update(extra)
        self.story = story

    def __missing__(self, key):
        if key in self.story.place:
            return self.story.pick(self.story.place[key])
        if key in WORDS:
            return self.story.pick(WORDS[key])
        raise KeyError("unknown slot {" + key + "}")


SMALL_TITLE_WORDS = ("a", "an", "the", "and", "of", "in", "on", "at", "to", "for", "with", "by", "from")


def title_case(text):
    """'mia and the lost marble' -> 'Mia and the Lost Marble'."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if i == 0 or word not in SMALL_TITLE_WORDS:
            words[i] = word[:1].upper() + word[1:]
    return " ".join(words)


def needs_an(word):
    """True if a word is spoken with a vowel sound first ('an owl', 'an hour')."""
    w = word.lower()
    if w.startswith(("hour", "honest", "honor", "heir")):
        return True
    if w.startswith(("uni", "use", "usu", "uku", "ute", "eu", "ewe", "one", "once")):
        return False
    return w[0] in "aeiou"


def fix_articles(text):
    """Write 'a' or 'an' as the next word needs."""
    def repl(match):
        article, word = match.group(1), match.group(2)
        return (article[0] + ("n" if needs_an(word) else "")) + " " + word
    return re.sub(r"\b([Aa]n?) ([A-Za-z][A-Za-z'-]*)", repl, text)


def capitalize_sentences(text):
    """Capital letter at the start of a paragraph and after . ! ? and a space."""
    text = re.sub(r'^("?)([a-z])', lambda m: m.group(1) + m.group(2).upper(), text)
    return re.sub(r"([.!?] +)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def tidy(text):
    """Final touches for one paragraph."""
    text = re.sub(r" +", " ", text).strip()
    return capitalize_sentences(fix_articles(text))


# How people speak, by mood: verbs for lines ending in ".", "!" and "?".
# A verb may have words after it ("said softly"): "...," said Mia softly.
SPEECH_VERBS = {
    "plain": (["said", "replied", "answered", "added", "explained", "agreed", "said",
               "called", "suggested"],
              ["cried", "called", "exclaimed", "shouted"],
              ["asked", "wondered", "asked", "called"]),
    "happy": (["laughed", "said happily", "said with a grin", "giggled", "said cheerfully",
               "chuckled", "said with a big smile"],
              ["cheered", "whooped", "laughed", "shouted", "cried happily"],
              ["asked eagerly", "asked with a grin", "laughed"]),
    "sad": (["sniffed", "sighed", "mumbled", "said in a small voice", "said sadly",
             "whispered", "said quietly"],
            ["wailed", "sobbed", "cried"],
            ["asked in a small voice", "sniffed", "asked sadly"]),
    "worried": (["whispered", "said nervously", "murmured", "said in a shaky voice",
                 "said anxiously", "gulped"],
                ["gasped", "cried", "squeaked"],
                ["asked anxiously", "whispered", "asked nervously"]),
    "cross": (["grumbled", "muttered", "huffed", "snapped", "said crossly"],
              ["shouted", "snapped", "yelled"],
              ["demanded", "snapped", "asked crossly"]),
    "kind": (["said gently", "said kindly", "said softly", "said with a smile",
              "explained", "said warmly", "said calmly"],
             ["said warmly", "laughed", "cried"],
             ["asked gently", "asked kindly", "asked softly"]),
    "excited": (["said breathlessly", "gasped", "said excitedly"],
                ["shouted", "squealed", "cried", "yelled", "whooped"],
                ["asked excitedly", "squeaked", "asked"]),
}

# Little actions that can stand in for "said", by mood.
SPEECH_BEATS = {
    "plain": ["{S.name} nodded", "{S.name} scratched {S.their} head", "{S.name} looked up",
              "{S.name} turned to {L.name}", "{S.name} shrugged", "{S.name} held up one {S.hand}",
              "{S.name} frowned thoughtfully", "{S.name} tapped {S.their} chin"],
    "happy": ["{S.name} clapped {S.their} {S.hands}", "{S.name} grinned from ear to ear",
              "{S.name} did a little dance", "{S.name}'s eyes shone", "{S.name} jumped up and down",
              "{S.name} threw {S.their} arms around {L.name}", "{S.name} spun round in a circle"],
    "sad": ["{S.name} looked down at {S.their} feet", "{S.name} wiped {S.their} eyes",
            "{S.name}'s lip wobbled", "{S.name} sat down heavily", "{S.name}'s shoulders drooped",
            "{S.name} kicked at a stone"],
    "worried": ["{S.name} bit {S.their} lip", "{S.name} looked around nervously",
                "{S.name} took a shaky breath", "{S.name} stood very still", "{S.name} frowned"],
    "cross": ["{S.name} folded {S.their} arms", "{S.name} stamped {S.their} foot",
              "{S.name}'s face went red", "{S.name} scowled", "{S.name} turned away"],
    "kind": ["{S.name} smiled", "{S.name} knelt down beside {L.name}",
             "{S.name} put a {S.hand} on {L.name}'s shoulder", "{S.name}'s eyes twinkled",
             "{S.name} chuckled"],
    "excited": ["{S.name} bounced on the spot", "{S.name}'s eyes went wide",
                "{S.name} waved {S.their} {S.hands} in the air", "{S.name} gasped"],
}


class Speech(str):
    """A sentence in which somebody speaks (so that paragraphs can be split)."""


class Story:
    """Everything about the story being written: cast, place, and the helpers
    that turn templates into sentences and paragraphs."""

    def __init__(self, maker):
        self.rng = maker.rng
        self.dealer = maker.dealer
        self.vars = {}    # fixed values for templates: cast, place, lost thing...
        self.used = {}    # words and templates already used in this story
        self.place = {}   # the place's own word lists (see PLACES)
        self.cast = []

    def chance(self, numerator, denominator):
        return self.rng.chance(numerator, denominator)

    def pick(self, items):
        """Deal an item, trying not to repeat one already used in this story."""
        for _ in range(12):
            item = self.dealer.deal(items)
            if item not in self.used:
                break
        self.used[item] = True
        return item

    def fill(self, template, **extra):
        """Replace every {slot}; words dealt into a slot may have slots too."""
        text = template
        for _ in range(8):
            if "{" not in text:
                return text
            text = text.format_map(Slots(self, extra))
        raise ValueError("slots nested too deep in: " + template)

    def t(self, templates, **extra):
        """Pick one template from a list and fill it."""
        return self.fill(self.pick(templates), **extra)

    def para(self, *parts):
        """Join sentences into a tidy paragraph (empty ones are skipped).

        A part may be a list of sentences. When one character's speech
        follows another's, a new paragraph starts, as in printed books.
        """
        sentences = []
        for part in parts:
            sentences.extend(part if isinstance(part, list) else [part])
        paragraphs, current, last_was_speech = [], [], False
        for sentence in sentences:
            if not sentence:
                continue
            is_speech = isinstance(sentence, Speech)
            if is_speech and last_was_speech and current:
                paragraphs.append(current)
                current = []
            current.append(sentence)
            last_was_speech = is_speech
        paragraphs.append(current)
        return "\n\n".join(tidy(" ".join(p)) for p in paragraphs if p)

    def feel(self, who, mood):
        """A sentence showing how someone feels."""
        other = self.B if who is self.A else self.A
        return self.t(FEELINGS[mood], P=who, O=other)

    def say(self, speaker, listener, lines, mood="plain"):
        """One line of dialogue with a speech tag: '"Look!" cried Mia.'"""
        template = lines if isinstance(lines, str) else self.pick(lines)
        line = self.fill(template, S=speaker, L=listener)
        line = line[0].upper() + line[1:]
        end = line[-1]
        verb = self.dealer.deal(SPEECH_VERBS[mood][".!?".index(end)])
        if speaker.voice and mood == "plain" and end == "." and self.chance(1, 3):
            verb = speaker.voice
        tagged = line[:-1] + "," if end == "." else line
        form = self.rng.below(10)
        if form < 4:                                   # "Look," said Mia.
            first, _, rest = verb.partition(" ")
            text = '"%s" %s %s%s.' % (tagged, first, speaker.name, " " + rest if rest else "")
        elif form < 6:                                 # "Look," she said.
            who = speaker.they if self.pronoun_is_clear(speaker) and self.chance(1, 2) else speaker.name
            text = '"%s" %s %s.' % (tagged, who, verb)
        elif form < 8:                                 # Mia said, "Look."
            text = '%s %s, "%s"' % (speaker.name, verb, line)
        else:
            beat = self.t(SPEECH_BEATS[mood], S=speaker, L=listener)
            if form == 8:                              # "Look." Mia pointed.
                text = '"%s" %s.' % (line, beat)
            else:                                      # Mia pointed. "Look."
                text = '%s. "%s"' % (beat, line)
        return Speech(text)

    def pronoun_is_clear(self, who):
        """A pronoun is clear if nobody else in the story shares it."""
        return who.pronoun != "they" and all(c is who or c.pronoun != who.pronoun for c in self.cast)

    def talk(self, first, second, lines1, lines2, mood1="plain", mood2="kind"):
        """Two lines: one character speaks, the other answers."""
        return [self.say(first, second, lines1, mood1), self.say(second, first, lines2, mood2)]


# ---------------------------------------------------------------------------
# 6. Beats shared by every kind of story
# ---------------------------------------------------------------------------

SEASONS = {
    "spring": dict(
        months=["March", "April", "May"],
        weather=[
            "The sky over {outside} was a clean pale blue, with one small cloud shaped like a {cloud_shape}.",
            "A soft spring breeze carried the smell of {flowers} and wet grass.",
            "Fresh green leaves were unfolding on every {tree}, and a {bird} was singing in one of them.",
            "It had rained in the night, and every leaf of the {tree} sparkled in the sun.",
            "The sun was warm on {A.name}'s face, but the wind still had a chilly edge to it.",
            "The birds sang as if they had only just learned how, and the loudest of all was a little {bird}.",
            "Fat white clouds drifted over {outside}, and one of them looked exactly like a {cloud_shape}.",
            "Blossom from a {tree} drifted down like confetti and landed in {B.name}'s hair.",
            "There were puddles everywhere, and {B.name} jumped into every single one.",
            "The first {flowers} of the year were poking up through the grass.",
            "A {bird} flew past with a beakful of {nest_stuff} for its new nest.",
            "The air smelled of rain and {flowers}, and the sun kept peeping out between the showers.",
        ],
        when=["one bright morning in {month}", "early one spring morning", "one {weekday} in {month}",
              "on the first warm day of spring", "one breezy {weekday} afternoon",
              "during the spring holidays", "one fresh {month} morning", "one showery {weekday}",
              "on a blustery {weekday} in {month}"],
    ),
    "summer": dict(
        months=["June", "July", "August"],
        weather=[
            "The sun blazed down on {outside} from a sky without a single cloud.",
            "It was so hot that the air wobbled above the road, and {A.name}'s {flavor} ice lolly began to drip.",
            "A lazy breeze rustled the leaves of the {tree}, and a {bug} drifted by.",
            "The sky was enormous and blue, except for one cloud shaped like a {cloud_shape}.",
            "Bees droned in the warm air, and everything smelled of {flowers}.",
            "It was the kind of day when {flavor} ice creams melt faster than you can lick them.",
            "The grass was dry and golden, and grasshoppers sprang out of it every time {A.name} took a step.",
            "A warm wind blew from the south and made a row of {color} washing dance on a line.",
            "The sun was hot on {A.name}'s neck, and {B.name}'s shadow was short and round.",
            "Long summer light lay over {outside} like honey.",
            "A {bug} zigzagged past {B.name}'s nose, and the whole world hummed with heat.",
            "Even the birds seemed too hot to sing, and the {tree} gave only a thin patch of shade.",
        ],
        when=["one hot morning in {month}", "on a long summer afternoon", "one sunny {weekday} in {month}",
              "on the first day of the summer holidays", "one bright {weekday} morning",
              "one golden evening in {month}", "on the hottest day of the year", "one sticky {weekday} in {month}",
              "one cloudless {weekday}"],
    ),
    "autumn": dict(
        months=["September", "October", "November"],
        weather=[
            "Leaves of red and gold swirled down from the {tree}.",
            "The air was cool and crisp and smelled of bonfires and {spice}.",
            "A gusty wind chased the clouds across the sky and tugged at {A.name}'s {clothing}.",
            "Mist lay over {outside} until the sun burned it away.",
            "Conkers and acorns crunched under {A.name}'s feet.",
            "The sky was gray and soft, like an old {color} jumper.",
            "The wind sent leaves spinning round {B.name}'s ankles.",
            "A pale sun shone through the clouds, and a spiderweb on the {tree} glittered with dew.",
            "Geese flew over {outside} in a long wobbly line, honking to each other.",
            "The trees were turning the color of {spice} and toffee.",
            "A {bird} was busy gathering berries from a hedge, as if it knew winter was coming.",
            "Rain had left the path shiny, and {A.name}'s boots went squelch at every step.",
        ],
        when=["one windy morning in {month}", "one crisp autumn afternoon", "one {weekday} in {month}",
              "during the autumn half-term", "one misty {weekday} morning", "one cool evening in {month}",
              "one blustery autumn day", "one golden {weekday} in {month}", "one drizzly {weekday}"],
    ),
    "winter": dict(
        months=["December", "January", "February"],
        weather=[
            "Frost sparkled on every blade of grass like sugar on a {cake}.",
            "{A.name}'s breath made little clouds in the cold air.",
            "Snow had fallen in the night, and {outside} was soft and white.",
            "The sky was low and gray, and a few snowflakes drifted down onto {B.name}'s {clothing}.",
            "Icicles hung from every roof in {town} like glass teeth.",
            "A cold wind nipped at {A.name}'s nose and made {A.their} cheeks glow.",
            "The puddles had frozen into little windows of ice, and {B.name} cracked every one.",
            "The sun was low and pale, and {A.name}'s shadow was long and blue.",
            "Everything was so still and cold that even a {bird}'s call sounded loud.",
            "The bare branches of the {tree} were dusted with snow.",
            "A {bird} puffed up its feathers against the cold and sat very still on a fence.",
            "The ground was hard as iron, and {B.name} stamped {B.their} feet to keep them warm.",
        ],
        when=["one frosty morning in {month}", "one snowy {weekday}", "one cold afternoon in {month}",
              "during the winter holidays", "one icy {weekday} morning", "one dark, cold evening in {month}",
              "on the first snowy day of the year", "one gray {weekday} in {month}", "one bitter {weekday}"],
    ),
}
WORDS["nest_stuff"] = ["moss", "straw", "sheep's wool", "twigs", "dry grass", "feathers", "thistledown"]
WORDS["flavor"] = ["strawberry", "mango", "pistachio", "lemon", "chocolate", "vanilla", "coconut",
                   "raspberry", "banana", "mint"]

# --- the beginning --------------------------------------------------------

INTRO = [
    "{A.name} was a {trait} {A.kind} who lived {A.home}.",
    "Once there was a {trait} {A.kind} called {A.name}, who lived {A.home}.",
    "{A.name} lived {A.home}, together with {A.family}.",
    "In {town}, there lived a {trait} {A.kind} named {A.name}.",
    "{A.name} was a {trait} {A.kind} with {A.look}.",
    "Everyone in {town} knew {A.name}, the {trait} {A.kind} with {A.look}.",
    "Not far from {town}, in a place full of {flowers}, lived a {trait} {A.kind} called {A.name}.",
    "This is a story about {A.name}, a {trait} {A.kind} with {A.look}.",
    "There was once a {trait} little {A.kind} named {A.name}.",
    "{A.name} was small and {trait}, and {A.they} lived {A.home}.",
    "If you ever go to {town}, you might meet {A.name}, a {trait} {A.kind} with {A.look}.",
    "Nobody in the whole of {town} was as {trait} as {A.name}.",
    "Have you ever met a {A.kind} as {trait} as {A.name}? Probably not.",
    "Long ago, or maybe not so long ago, a {trait} {A.kind} called {A.name} lived {A.home}.",
    "{A.name}, a {A.kind} with {A.look}, lived {A.home}.",
    "In a corner of {town} lived {A.name}, who was {trait} and {trait}.",
    "{A.name} was {trait}, {trait} and just a little bit {trait}.",
    "There was a {A.kind} in {town} called {A.name}, and {A.they} had {A.look}.",
]
# A second sentence about the hero that does not repeat what INTRO said.
INTRO_MORE_HOME = [
    "{A.They} lived {A.home}, together with {A.family}.",
    "{A.Their} home was {A.home}, and {A.they} shared it with {A.family}.",
    "{A.name}'s home was {A.home}.",
]
INTRO_MORE_LOOK = [
    "{A.name} had {A.look}.",
    "{A.name} had {A.look} and a very {trait} way of looking at things.",
    "Nobody in {town} could miss {A.name}, with {A.look}.",
]
INTRO_MORE_FAMILY = [
    "{A.name} lived with {A.family}.",
    "At home were {A.family}, and it was never quiet.",
]
LIKES = [
    "{A.name} loved {hobby}.",
    "More than anything, {A.name} liked {hobby}.",
    "{A.Their} favorite thing in the whole world was {hobby}.",
    "Most afternoons, you could find {A.name} {hobby}.",
    "{A.Their} favorite food was {food}, and {A.their} favorite color was {color}.",
    "{A.name} read every book about {book_topic} in the {town} library.",
    "{A.name} kept a collection of {collectible} in an old {container}.",
    "{A.name} liked {hobby}, but {A.they} liked {hobby} even more.",
    "{A.name} could spend a whole {weekday} {hobby}.",
    "When {A.they} grew up, {A.name} wanted to be {dream_job}.",
    "{A.name}'s favorite sound was {happy_noise}.",
    "On {weekday}s, {A.name} always had {food} for supper.",
    "{A.name} was very good at {hobby} and very bad at {hobby}.",
    "{A.name} spent every {weekday} afternoon {hobby}.",
    "{A.name} knew {number_word} jokes about {book_topic} and told them all, often.",
    "If you asked {A.name} about {book_topic}, {A.they} would talk until bedtime.",
    "{A.Their} bedroom walls were covered in pictures of {drawable}.",
    "{A.name} dreamed of {dream}.",
    "{A.name}'s pockets were always full of {collectible} and crumbs of {snack}.",
    "Breakfast for {A.name} was always {food}, eaten {eating_style}.",
    "{A.name} spent {A.their} pocket money on {collectible} and {flavor} ice cream.",
    "Whenever it rained, {A.name} sat by the window and read about {book_topic}.",
    "{A.name} was learning the {instrument} and practiced it every {weekday}, loudly.",
]
WORDS["eating_style"] = ["very slowly", "in three big bites", "standing up", "with a very big spoon",
                         "while humming", "one crumb at a time", "with great care"]

HOBBY = [
    "collecting {collectible}", "drawing {drawable}", "reading books about {book_topic}",
    "building towers out of {material}", "playing the {instrument}",
    "making up songs about {book_topic}", "baking {food} with {A.their} {relative}",
    "climbing trees", "growing {vegetables} in pots", "hunting for bugs under stones",
    "dancing to the radio", "riding a {color} scooter", "folding paper boats",
    "doing cartwheels on the grass", "doing jigsaw puzzles of {drawable}", "playing football",
    "skipping rope", "playing hide and seek", "inventing machines out of {material}",
    "whistling tunes", "writing letters to {A.their} {relative}",
    "looking at the stars through an old telescope", "planting {flowers}",
    "painting pictures of {drawable}", "learning new words", "asking questions about {book_topic}",
    "finding out how things worked", "swinging as high as the sky",
    "pretending to be a pirate captain", "playing chess with {A.their} {relative}",
    "making necklaces from {collectible}", "telling jokes", "doing magic tricks",
    "watching the clouds", "making mud pies", "feeding the birds",
    "practicing handstands", "listening to stories about {book_topic}",
    "sorting {collectible} by color", "making dens out of blankets", "counting {collectible}",
    "drawing maps of {town}", "making paper masks of {drawable}", "looking after {vegetables}",
    "racing snails", "making up plays about {book_topic}", "knitting long {color} scarves",
]
WORDS["hobby"] = HOBBY

CONTAINERS = ["biscuit tin", "shoebox", "jam jar", "wooden box", "sock", "tea caddy",
              "pencil case", "sweet jar", "suitcase", "treasure chest", "egg box", "hatbox"]
WORDS["container"] = CONTAINERS

WORDS["dream_job"] = [
    "a pilot", "a vet", "a baker", "an astronaut", "a deep-sea diver", "a librarian",
    "a train driver", "a doctor", "an explorer", "a zookeeper", "a firefighter",
    "a painter", "an inventor", "a farmer", "a builder of bridges", "a lighthouse keeper",
    "a chef", "a scientist", "a teacher", "a musician", "a detective", "a gardener",
    "a ship's captain", "a clown", "a dancer", "a beekeeper", "a mapmaker", "a potter",
]
WORDS["happy_noise"] = [
    "rain on the roof", "a cat purring", "a kettle boiling", "waves on the sand",
    "a spoon in a bowl of {food}", "bicycle bells", "leaves in the wind",
    "a door opening when someone came home", "bubbles in a bath", "a fire crackling",
    "an owl hooting at night", "a {instrument} playing far away", "bacon sizzling in a pan",
    "a cuckoo in the woods", "a train rattling over a bridge",
]

FRIEND_INTRO = [
    "{A.name}'s best friend was {B.name}, a {trait} {B.kind} who {friend_habit}.",
    "{A.Their} best friend, {B.name}, lived {B.near}.",
    "{B.name} was {A.name}'s best friend, and {B.name} {friend_habit}.",
    "Every day, {A.name} played with {B.name}, a {trait} {B.kind} with {B.look}.",
    "{A.name} and {B.name} had been friends since {since}.",
    "{A.name} did almost everything with {B.name}, who lived {B.near} and {friend_habit}.",
    "{B.name}, who lived {B.near}, was a {trait} {B.kind} who {friend_habit}.",
    "{A.name} had a friend called {B.name}, who {friend_habit}.",
    "{A.name}'s friend {B.name} was {trait} where {A.name} was {trait}, which suited them both.",
    "{B.name} the {B.kind} lived {B.near}, and {A.name} and {B.name} were always together.",
    "Then there was {B.name}, a {B.kind} with {B.look}, who was {A.name}'s very best friend.",
    "{A.name} and {B.name} were as different as {pair}, and best friends anyway.",
    "{B.name} lived {B.near}, and the two of them had been friends since {since}.",
    "When {A.name} was not {hobby}, {A.they} {A.was} usually with {B.name}, a {trait} {B.kind}.",
    "{A.name}'s best friend in the world was a {B.kind} called {B.name}, who {friend_habit}.",
]
WORDS["pair"] = ["salt and pepper", "the sun and the moon", "a cat and a mouse", "summer and winter",
                  "a drum and a flute", "chalk and cheese", "thunder and a whisper", "a kite and a boat"]

WORDS["friend_habit"] = [
    "always had a joke ready", "could whistle like a {bird}", "knew the names of all the stars",
    "never went anywhere without a {color} {clothing}", "could hop on one foot for a whole minute",
    "laughed at everything", "asked about a hundred questions a day", "was very good at finding things",
    "loved {food} more than anything", "was always humming songs about {book_topic}",
    "could do a perfect cartwheel", "carried a notebook full of drawings of {drawable}",
    "was a little bit bossy but very kind", "knew a lot about {book_topic}",
    "told the best stories about {book_topic}", "could balance a spoon on the end of {B.their} nose",
    "was the fastest runner in {town}", "had a laugh like a {laugh_like}",
    "could draw {drawable} better than anyone", "always shared {B.their} {snack}",
    "liked to count things, especially {collectible}", "was shy with strangers but never with {A.name}",
    "loved puzzles of every kind", "kept a pet snail called {critter_name}",
    "could name every {tree} in {town}", "wore odd socks on purpose, every single day",
    "was always making plans for {plan_thing}",
]
WORDS["critter_name"] = CRITTER_NAMES
WORDS["plan_thing"] = ["a rocket", "a tree house", "a raft", "a secret club", "a giant kite",
                       "a circus", "a museum of {collectible}", "a cafe that sold only {food}"]
WORDS["since"] = [
    "the day they both fell into the same puddle", "they were very small",
    "{B.name} shared {B.their} {snack} on the first day of school",
    "the summer they built a raft that sank", "they both tried to rescue the same {bug}",
    "a rainy {weekday} long ago", "they met at the {town} summer fair",
    "the winter of the big snowstorm", "they discovered they both loved {food}",
    "they got stuck in the same {tree} and had to be rescued together",
]

HOME_NEAR = ["next door", "across the street", "two doors down", "in the flat upstairs",
             "at the end of {street}", "on the other side of the park", "just round the corner",
             "above the {shop}", "in the house with the {color} door"]
ANIMAL_NEAR = ["in the next burrow", "under the same old {tree}", "on the other side of the stream",
               "just along the hedge", "in the hollow log next door", "at the far end of the meadow",
               "under a bush of {flowers}", "beside the {color} stone"]
ROBOT_HOMES = [
    "in a workshop full of springs and bolts", "in the back room of a bicycle shop on {street}",
    "in a tall house on {street} with the family who had built {P.them}",
    "in a busy kitchen in {town}, where {P.they} helped with the washing-up",
    "in the caretaker's cupboard at {town} School", "in a lighthouse, where {P.they} polished the lamp",
    "in a little shed at the bottom of a garden in {town}",
]
ROBOT_FAMILY = ["the inventor who had built {P.them}", "an old clockmaker and a very fat cat",
                "a family who called {P.them} the best helper ever", "a baker and her two children",
                "a retired sea captain called {elder_name}"]
WORDS["elder_name"] = ELDER_NAMES
ANIMAL_FAMILY = ["{P.their} mother and {number_word} little brothers and sisters",
                 "{P.their} grandfather, who snored", "a big family of cousins",
                 "{P.their} father and a baby sister", "{P.their} mother and father",
                 "{P.their} granny, who told wonderful stories", "{P.their} aunt and {number_word} cousins"]

# --- the setting --------------------------------------------------------------

GO_OUT = [
    "{when}, {A.name} and {B.name} went to {place}.",
    "{when}, the two friends {moved} off to {place}.",
    "{when}, {A.name} and {B.name} set off for {place} with {carry}.",
    "{when}, {C.name} took {A.name} and {B.name} to {place}.",
    "{A.name} had been looking forward to going to {place} all week, and {when} at last they went.",
    "{when}, {A.name} called for {B.name}, and together they {moved} to {place}.",
    "{when}, {A.name}, {B.name} and {C.name} spent the day {at_place}.",
    "{when}, {A.name} and {B.name} were {at_place}, with {carry}.",
    "{when}, {A.name} knocked on {B.name}'s door. \"Let's go to {place}!\" {A.they} said.",
    "{when}, {A.name} and {B.name} packed {carry} and {moved} all the way to {place}.",
    "{when}, {C.name} said, \"Who wants to come to {place}?\" and {A.name} and {B.name} both shouted, \"Me!\"",
    "{when}, {B.name} had an idea: a trip to {place}. {A.name} thought it was the best idea ever.",
    "{when}, {A.name} and {B.name} {moved} down {street} and on to {place}.",
    "{when}, {A.name} ran to fetch {B.name}, because today they were going to {place}.",
]
WORDS["carry"] = [
    "a picnic of {food}", "a basket of {fruits}", "a bottle of water and a {snack} each",
    "a {color} bucket and spade", "a notebook and two pencils", "a flask of hot chocolate",
    "{A.their} {color} backpack", "a bag of {snack}s", "a map drawn on the back of an envelope",
    "a magnifying glass", "a kite with a {color} tail", "a jar for collecting {collectible}",
    "a tin of {food}", "a big umbrella in case it rained", "a pair of old binoculars",
    "a {pattern} blanket to sit on", "a bag of {fruits}",
]

PLACE_DETAIL = [
    "{sight}.",
    "Somewhere nearby, {sound}.",
    "The air smelled of {smell}.",
    "It smelled of {smell} there, and {sound}.",
    "They {activity}, and then they {activity}.",
    "First they {activity}. After that they {activity}.",
    "{B.name} wanted to see {feature} first, so they went there straight away.",
    "They walked past {feature} and {feature}.",
    "{A.name} stood still and listened. {sound}.",
    "{sight}, and {sound}.",
    "Near {feature}, {sight}.",
    "{A.name} liked {place} best of all, because it smelled of {smell}.",
    "{B.name} pointed at {feature}. {sight}.",
    "{A.name} breathed in deeply: {smell}.",
    "While they {activity}, {sight}.",
    "{B.name} {activity}, and {A.name} watched as {sight}.",
    "From {feature} they could see everything: {sight}.",
    "{A.name} had never noticed before how {sight}.",
    "They sat down near {feature} for a rest, and {sight}.",
    "{A.name} and {B.name} {activity}, laughing all the time.",
    "Over by {feature}, {sound}.",
    "{B.name} sniffed the air. It smelled of {smell}.",
]

PET_LINES = [
    "{pet.name} the {pet.kind} came too, and {pet_action}.",
    "{A.name}'s {pet.kind}, {pet.name}, {pet_action}.",
    "{pet.name} {pet_action}, which made {B.name} laugh.",
    "Meanwhile {pet.name} {pet_action}.",
    "{pet.name}, who had followed them all the way, {pet_action}.",
    "Nobody was watching {pet.name}, so {pet.name} {pet_action}.",
]

# --- feelings ---------------------------------------------------------------

FEELINGS = {
    "sad": [
        "{P.name}'s eyes filled with tears.",
        "A lump rose in {P.name}'s throat.",
        "{P.name} felt as heavy as a {heavy_thing}.",
        "{P.name}'s shoulders drooped, and {P.they} stared at the ground.",
        "Even the {color} sky seemed gloomy to {P.name} now.",
        "{P.name} felt a sad, sinking feeling, like a {sinker} going down in the bath.",
        "A big tear rolled down {P.name}'s cheek and dripped off {P.their} chin.",
        "{P.name} did not feel like {hobby} any more, or like anything at all.",
        "{P.name}'s heart felt small and cold, like a pebble at the bottom of a {water_thing}.",
        "{P.name} sniffed hard and tried not to cry.",
        "{P.name} sat down on the ground and hugged {P.their} knees.",
        "Everything seemed gray to {P.name}, as gray as a {gray_thing}.",
        "{P.name}'s chin wobbled, and {P.their} nose went pink.",
        "A sad little sigh came out of {P.name}, all the way from {P.their} toes.",
    ],
    "worried": [
        "{P.name}'s tummy twisted into a knot.",
        "{P.name} chewed {P.their} lip and frowned.",
        "A cold, fluttery feeling crept into {P.name}'s tummy.",
        "{P.name}'s heart began to thump like a {drum_like}.",
        "{P.name} felt as jumpy as a {jumpy_like}.",
        "{P.name} could not stop thinking about what might happen next.",
        "Worry buzzed in {P.name}'s head like a trapped {bug}.",
        "{P.name} twisted {P.their} {P.hands} together and looked around.",
        "{P.name}'s mouth went dry, and {P.they} swallowed hard.",
        "A worried frown crinkled {P.name}'s forehead like a {crinkly_thing}.",
        "Butterflies seemed to be doing somersaults in {P.name}'s tummy.",
    ],
    "scared": [
        "{P.name}'s knees began to wobble like {wobbly_like}.",
        "{P.name}'s heart hammered so hard that {P.they} could hear it.",
        "{P.name} froze, as still as a {still_like}.",
        "A shiver ran all the way down {P.name}'s back.",
        "{P.name}'s mouth went dry, and {P.their} {P.hands} felt cold.",
        "{P.name} wanted to run all the way home and hide under {P.their} blanket.",
        "{P.name} made {P.themself} as small as a {small_thing} and did not move.",
        "Every hair on {P.name}'s neck stood up.",
        "{P.name} grabbed {O.name}'s {O.hand} and held on tight.",
        "{P.name}'s teeth chattered, and not because of the cold.",
    ],
    "cross": [
        "{P.name}'s face went as red as a {red_like}.",
        "{P.name} stamped {P.their} foot so hard that a {bird} flew away.",
        "{P.name} felt hot and prickly all over, like a {prickly_like}.",
        "{P.name} scowled at {feature} as if it was all its fault.",
        "A grumpy, stormy feeling filled {P.name} right up to the top.",
        "{P.name} huffed and puffed like a {vehicle} going uphill.",
        "{P.name} growled like a grumpy {animal}.",
        "{P.name} kicked at a {junk_plain} and glared at nothing.",
        "Steam might as well have been coming out of {P.name}'s ears.",
    ],
    "happy": [
        "{P.name} felt as happy as a {happy_like}.",
        "{P.name}'s smile was so wide it nearly reached {P.their} ears.",
        "Happiness fizzed up inside {P.name} like {fizzy_drink}.",
        "{P.name} laughed until {P.their} tummy hurt.",
        "{P.name} felt warm all over, like a {warm_like}.",
        "{P.name} felt light enough to float away like a {color} balloon.",
        "{P.name} hummed a little tune about {book_topic}.",
        "{P.name} did a happy dance right there {at_place}.",
        "{P.name} skipped {number_word} times in a circle for joy.",
        "Joy bubbled up inside {P.name} until {P.they} had to laugh out loud.",
        "{P.name} felt like singing, so {P.they} sang a song about {book_topic}.",
        "{P.name} was so happy that {P.they} hugged a {tree}.",
        "{P.name}'s heart felt as big and bright as {bright_big}.",
    ],
    "proud": [
        "{P.name} stood up straight and felt very proud.",
        "{P.name} puffed out {P.their} chest like a proud {proud_like}.",
        "{P.name} felt ten feet tall, taller than the {tree}.",
        "A warm, proud glow spread through {P.name} from {P.their} nose to {P.their} toes.",
        "{P.name} grinned, because {P.they} had done it all by {P.themself}.",
        "{P.name} felt as tall as the {tree} and as bright as the sun.",
        "Pride fizzed in {P.name} like sherbet.",
        "{P.name} could not stop smiling, not even while eating {food} at supper.",
        "{P.name} felt like the captain of a {vehicle}, the ruler of {town} and {dream_job} all at once.",
    ],
    "relieved": [
        "{P.name} let out a long, long breath.",
        "All the worry drained out of {P.name} like water out of a bath.",
        "{P.name} felt {P.their} tummy untwist at last.",
        "{P.name} sank down on the ground, laughing with relief.",
        "The knot in {P.name}'s chest melted away like {melting_thing}.",
        "{P.name}'s shoulders went soft and loose again.",
        "{P.name} felt as light as a {light_thing}.",
        "{P.name} wanted to laugh and cry at the same time, so {P.they} did a bit of both.",
    ],
    "excited": [
        "{P.name} could hardly keep still.",
        "{P.name}'s eyes sparkled like {sparkly_like}.",
        "{P.name} bounced on {P.their} toes like a {jumpy_like}.",
        "A fizzy, tingly feeling ran all the way down to {P.name}'s toes.",
        "{P.name} felt like a {excited_like}.",
        "{P.name}'s heart skipped like a {jumpy_like}.",
        "{P.name} was so excited that {P.they} forgot all about {P.their} {snack}.",
    ],
}
# Comparisons used by the feelings above.
WORDS["sinker"] = ["toy boat", "pebble", "rubber duck with a hole in it", "sponge", "spoon"]
WORDS["water_thing"] = ["well", "pond", "river", "lake", "puddle", "fish tank"]
WORDS["drum_like"] = ["drum", "woodpecker", "galloping horse", "dripping tap", "marching band"]
WORDS["jumpy_like"] = ["grasshopper", "frog on a hot stone", "kangaroo", "cricket", "popcorn kernel"]
WORDS["wobbly_like"] = ["jelly", "wet noodles", "a newborn lamb's legs", "a table with one short leg", "custard"]
WORDS["still_like"] = ["statue", "stone", "lamp post", "tree stump", "startled rabbit", "snowman"]
WORDS["red_like"] = ["tomato", "fire engine", "postbox", "strawberry", "radish", "ripe cherry"]
WORDS["prickly_like"] = ["hedgehog", "cactus", "thistle", "holly bush", "pine cone"]
WORDS["happy_like"] = ["lark", "dog with two tails", "frog in a puddle", "bee in a flower",
                       "cat in the sunshine", "duck in the rain", "clam", "kite on a windy day"]
WORDS["warm_like"] = ["slice of hot toast", "cat by the fire", "cup of cocoa", "loaf fresh from the oven",
                      "sunny windowsill", "woolly sock"]
WORDS["proud_like"] = ["robin", "peacock", "pigeon", "rooster", "frog", "penguin"]
WORDS["melting_thing"] = ["snow in the sun", "butter in a pan", "ice cream on a hot day", "an icicle in spring"]
WORDS["sparkly_like"] = ["stars", "sea glass", "frost in the morning", "fireworks", "raindrops"]
WORDS["excited_like"] = ["firework waiting to go off", "shaken bottle of lemonade", "puppy at the park",
                         "kettle about to whistle", "jack-in-the-box"]
WORDS["gray_thing"] = ["rain cloud", "wet Monday", "old sock", "puddle", "mouse", "pigeon"]
WORDS["crinkly_thing"] = ["walnut", "crumpled paper bag", "raisin", "old map"]
WORDS["small_thing"] = ["mouse", "pea", "button", "snail in its shell", "beetle"]
WORDS["junk_plain"] = ["pebble", "pine cone", "clump of grass", "stone", "bottle top", "leaf"]
WORDS["fizzy_drink"] = ["lemonade", "sherbet", "ginger beer", "bubbles in a bath"]
WORDS["bright_big"] = ["the sun", "a harvest moon", "a lighthouse", "a bonfire", "a birthday cake"]
WORDS["light_thing"] = ["feather", "dandelion seed", "soap bubble", "balloon", "cloud"]

# --- dialogue used by many plots ---------------------------------------------
# In dialogue, S is the speaker and L the listener.

ENCOURAGE = [
    "Don't give up yet, {L.name}.",
    "We haven't tried everything yet, {L.name}.",
    "My {relative} always says that {proverb}.",
    "Let's rest for a minute, {L.name}, and then try again.",
    "Remember when you {past_win}? You didn't give up then, {L.name}.",
    "You're braver than you think, {L.name}.",
    "We're a team, {L.name}, and teams don't give up.",
    "Have a bit of my {snack}, and then we'll try again.",
    "Every {expert} has bad days, even the very best ones.",
    "One more try, {L.name}. Just one. For me?",
    "If it was easy, everybody would do it, {L.name}.",
    "I'm not going anywhere until we sort this out, {L.name}.",
    "Think of {hero_story}, {L.name}. {hero_story_moral}",
    "Let's count to {number_word}, take a big breath, and start again.",
    "Even a {expert} has to start somewhere, {L.name}.",
    "You know what {C.name} says: {proverb}.",
    "Chin up, {L.name}. We're not beaten yet.",
    "I believe in you, {L.name}, even if you don't.",
]
WORDS["proverb"] = [
    "slow and steady wins the race", "two heads are better than one",
    "a problem shared is a problem halved", "little by little, a little becomes a lot",
    "the best things take time", "every cloud has a silver lining",
    "you only fail when you stop trying", "even the tallest tree was once a seed",
    "a river cuts through rock by never stopping", "many hands make light work",
    "tomorrow is a fresh new day", "the sun always comes back after the rain",
    "patience is a tree with sweet fruit", "a kind word is worth more than gold",
    "drop by drop, the bucket fills", "a smooth sea never made a good sailor",
]
WORDS["past_win"] = [
    "learned to swim", "climbed the big {tree}", "finished that hundred-piece puzzle",
    "read a whole book about {book_topic} by yourself", "learned to tie your laces",
    "stood up and sang in the school concert", "carried the heavy {furniture} with me",
    "found the way home in the fog", "made {food} for the whole family",
]
WORDS["expert"] = ["explorer", "baker", "builder", "pilot", "detective", "scientist",
                   "farmer", "footballer", "painter", "inventor", "sailor", "juggler"]
WORDS["hero_story"] = ["the tortoise and the hare", "the little engine that could",
                       "the ant and the mountain", "the spider who tried nine times"]
WORDS["hero_story_moral"] = ["Keep going!", "Slowly does it!", "Try, try again!", "Don't stop now!"]

GIVE_UP = [
    "It's no use, {L.name}. I give up.",
    "This is the worst {weekday} ever.",
    "Why does everything go wrong for me, {L.name}?",
    "I don't want to try any more, {L.name}.",
    "Maybe it's just impossible, {L.name}.",
    "Let's just go home, {L.name}, I'm tired of this.",
    "Everything I try goes wrong, {L.name}.",
    "I wish this {weekday} had never started.",
    "It's hopeless, {L.name}. Completely hopeless.",
    "I feel like a {silly_thing}.",
    "I'd rather be at home eating {food}, {L.name}.",
]
WORDS["silly_thing"] = ["wet sock", "squashed tomato", "soggy biscuit", "flat balloon",
                        "broken umbrella", "lost sheep"]

IDEA = [
    "{sudden}, {P.name}'s eyes lit up.",
    "{P.name} thought and thought, and then {P.they} clapped {P.their} {P.hands} together.",
    "{sudden}, {P.name} had an idea, bright as a {bright_thing}.",
    "{P.name} was quiet for a long time, and then {P.they} smiled a slow smile.",
    "An idea popped into {P.name}'s head like a {pop_thing}.",
    "{P.name} looked at {feature}, and an idea began to grow.",
    "{P.name} tapped {P.their} chin. {P.name} had a plan.",
    "{sudden}, {P.name} remembered something {C.name} had once said.",
    "{P.name} scrunched up {P.their} face, thinking as hard as a {expert}.",
]
WORDS["bright_thing"] = ["lighthouse", "lantern", "firework", "star", "torch", "sunrise"]
WORDS["pop_thing"] = ["bubble", "cork", "piece of popcorn", "jack-in-the-box", "seed pod"]

THANKS = [
    "Thank you, {L.name}. I couldn't have done it without you.",
    "You're the best friend in the whole of {town}!",
    "Thank you! I'll make you {food} to say thank you.",
    "You were right, {L.name}. Thank you for not letting me give up.",
    "Thanks, {L.name}. You're a real friend.",
    "I owe you a {snack}, {L.name}. Maybe two!",
    "Thank you for helping me, {L.name}. Next time, I'll help you.",
    "{L.name}, you're as good as {food} on a cold day.",
    "Thank you, {L.name}, from the top of my head to the tip of my toes.",
]
WELCOME = [
    "That's what friends are for, {L.name}.",
    "Any time, {L.name}. Any time at all.",
    "I had fun, {L.name}, even the muddy bits.",
    "You'd do the same for me, {L.name}.",
    "We did it together, {L.name}.",
    "It was an adventure, {L.name}, wasn't it?",
    "Only if there's {food} in it for me, {L.name}!",
]

# --- the ending -------------------------------------------------------------

LESSON_LINES = [
    "{A.name} learned something that day: {lesson}.",
    "That day, {A.name} found out that {lesson}.",
    "{A.name} never forgot that {lesson}.",
    "From then on, {A.name} knew that {lesson}.",
    "And {A.name} had learned that {lesson}.",
    "{A.name} thought about it all the way home. {lesson}.",
    "It was a good thing to know, {A.name} thought, that {lesson}.",
    "{A.name} decided that {lesson}.",
    "\"You know what?\" {A.name} said to {B.name}. \"I think {lesson}.\"",
    "{C.name} said it best: {lesson}.",
    "{A.name} told {A.their} {relative} all about it, and they agreed: {lesson}.",
    "If you asked {A.name} now, {A.they} would tell you that {lesson}.",
    "{A.name} wrote it in {A.their} diary that night: {lesson}.",
    "{B.name} and {A.name} agreed on one thing: {lesson}.",
]

CLOSINGS = [
    "That night, {A.name} fell asleep with a smile, dreaming of {dream}.",
    "As the sun sank behind {feature}, the two friends walked home together, {A.name} humming a song about {book_topic}.",
    "When {A.name} got home, {A.they} ate {food} and told everyone the whole story, twice.",
    "The next {weekday}, {A.name} and {B.name} went back to {place}, and this time nothing went wrong at all.",
    "Later, {A.name} drew a picture of the whole adventure and pinned it above {A.their} bed.",
    "They shared a {snack} on the way home, and {A.name} thought nothing had ever tasted so good.",
    "That evening, {A.name} wrote the whole story in {A.their} notebook, with a drawing of {B.name} on every page.",
    "Above them, a {bird} sang as if it knew exactly what had happened.",
    "{C.name} made {food} for supper, and they all agreed it was the perfect end to the day.",
    "And when {A.name} closed {A.their} eyes that night, {A.they} could still hear {happy_noise}.",
    "On the way home, they counted {number_word} {collectible} and one very sleepy {animal}.",
    "The sky turned {color} and then {color}, and the first star came out to say good night.",
    "{A.name} and {B.name} laughed about it for days, and then for weeks, and then for years.",
    "It was late when they got home, and {A.name} was asleep before {A.their} head touched the pillow.",
    "{B.name} waved goodbye at the corner of {street}, and {A.name} waved back until {B.they} {B.was} out of sight.",
    "At bedtime, {A.name} asked for a story about {book_topic}, but fell asleep before the end of the first page.",
    "{A.name}'s {relative} said it sounded like quite a day, and made {A.them} a mug of {warm_drink}.",
    "A {bird} watched them go from the top of {feature}, and then tucked its head under its wing.",
    "Somewhere in {town}, a clock struck {clock_hour}, and {A.name} yawned an enormous yawn.",
    "They ate {food} together that evening, and {B.name} said it was the best in {town}.",
    "Before bed, {A.name} looked out of the window at the moon, which looked a bit like a {cloud_shape}.",
    "And the {weather_word} {season} day ended the way good days do, with {food} and a warm bed.",
    "The next morning, {A.name} woke up early, wondering what tomorrow's adventure would be.",
    "{A.name} gave {B.name} one of {A.their} best {collectible} to remember the day by.",
    "As they walked home, {A.name} noticed that the {tree} by the path was full of birds, all singing at once.",
]
WORDS["dream"] = [
    "{color} kites over {town}", "giant {fruits} as big as houses", "swimming with dolphins",
    "a ship made of {material}", "a party with every {animal} in the world",
    "flying over {town} on the back of a {bird}", "a castle built of {food}",
    "mountains of {collectible}", "a long, lazy boat trip down a river of lemonade",
    "a picnic on the moon", "a train that went all the way to the stars",
]
WORDS["warm_drink"] = ["cocoa", "warm milk", "mint tea", "hot chocolate", "honey and lemon", "spiced milk"]
WORDS["clock_hour"] = ["six", "seven", "eight", "nine"]
WORDS["weather_word"] = ["long", "bright", "busy", "funny", "wild", "strange", "wonderful", "tiring"]


# --- helpers, beginnings and endings ------------------------------------------

HELPER_INTRO = [
    "{A.name} loved visiting {C.name}, who {helper_habit}.",
    "{A.name}'s favorite grown-up was {C.name}, a {elder_trait} {C.kind} who {helper_habit}.",
    "Every {weekday}, {A.name} had {food} with {C.name}, who {helper_habit}.",
    "{C.name}, {A.name}'s {C.relation}, was {elder_trait} and {elder_trait} and {helper_habit}.",
    "Not far away lived {C.name}, who {helper_habit} and always had time for {A.name}.",
    "If {A.name} ever needed help, {A.they} went to {C.name}, who {helper_habit}.",
    "{A.name} and {B.name} both liked {C.name}, because {C.name} {helper_habit}.",
    "{A.name}'s {C.relation}, {C.name}, {helper_habit}.",
    "{C.name}, who was {A.name}'s {C.relation}, {helper_habit}.",
    "{A.name} often visited {C.name}, a {elder_trait} {C.kind} who {helper_habit}.",
    "{C.name} lived just down the road from {A.name} and {helper_habit}.",
    "Then there was {C.name}, {A.name}'s {elder_trait} {C.relation}, who {helper_habit}.",
]
WORDS["helper_habit"] = [
    "knew how to fix almost anything", "grew the biggest {vegetables} in {town}",
    "told wonderful stories about {book_topic}", "had a shed full of useful things",
    "made the best {food} in {town}", "had traveled all over the world",
    "always had a {snack} in {C.their} pocket", "could name every bird by its song",
    "played the {instrument} on warm evenings", "kept bees and sold jars of honey",
    "had a big laugh and an even bigger heart", "knew the answer to almost every question",
    "wore a {color} {clothing} every single day", "kept a garden full of {flowers}",
    "had once sailed a little boat across the sea", "collected {collectible}, just like {A.name}",
    "never hurried and never worried", "could make a whistle out of a blade of grass",
    "had a shelf of books about {book_topic}", "was always mending something",
]


def make_child(s):
    """A child: she, he or they, with a name to match."""
    r = s.rng.below(100)
    if r < 42:
        name, kind, pronoun = s.pick(GIRL_NAMES), "girl", "she"
    elif r < 84:
        name, kind, pronoun = s.pick(BOY_NAMES), "boy", "he"
    else:
        name, kind, pronoun = s.pick(NEUTRAL_NAMES), s.rng.choice(["child", "kid"]), "they"
    c = Character(name, kind, pronoun, "child")
    c.look = s.fill(s.pick(WORDS["child_look"]), P=c)
    c.home = s.fill(s.pick(WORDS["home"]), P=c)
    c.family = s.fill(s.pick(WORDS["family"]), P=c)
    c.near = s.fill(s.pick(HOME_NEAR), P=c)
    return c


def make_robot(s):
    c = Character(s.pick(ROBOT_NAMES), "robot", s.rng.choice(["she", "he", "they"]), "robot",
                  hand="metal hand", voice=s.rng.choice(["beeped", "whirred", "buzzed"]))
    c.look = s.fill(s.pick(WORDS["robot_look"]), P=c)
    c.home = s.fill(s.pick(ROBOT_HOMES), P=c)
    c.family = s.fill(s.pick(ROBOT_FAMILY), P=c)
    c.near = s.fill(s.pick(HOME_NEAR), P=c)
    return c


def make_animal(s, not_kind=None):
    kind, hand, voice = s.pick(ANIMAL_KINDS)
    if kind == not_kind:
        kind, hand, voice = s.pick(ANIMAL_KINDS)
    c = Character(s.pick(CRITTER_NAMES), kind, s.rng.choice(["she", "he", "they"]), "animal",
                  hand=hand, voice=voice)
    c.look = s.fill(s.pick(WORDS["animal_look"]), P=c)
    c.home = s.fill(s.pick(WORDS["animal_home"]), P=c)
    c.family = s.fill(s.pick(ANIMAL_FAMILY), P=c)
    c.near = s.fill(s.pick(ANIMAL_NEAR), P=c)
    return c


def make_helper(s):
    """A grown-up for a children's story, or a wise old animal for an animal story."""
    if s.world == "animal":
        title, pronoun = s.pick(ELDER_ANIMAL_TITLES)
        kind = s.pick(ELDER_ANIMALS)
        hand = {"Owl": "wing", "Heron": "wing", "Goose": "wing", "Raven": "wing", "Crane": "wing",
                "Tortoise": "foot", "Turtle": "foot", "Toad": "foot", "Elephant": "trunk",
                "Deer": "hoof"}.get(kind, "paw")
        c = Character(title + " " + kind, kind.lower(), pronoun or s.rng.choice(["she", "he", "they"]),
                      "elder", hand=hand)
        c.relation = "neighbor"
        return c
    title, pronoun, relation = s.pick(HELPER_TITLES)
    kind = {"grandmother": "grandmother", "grandfather": "grandfather", "aunt": "aunt",
            "uncle": "uncle"}.get(relation, title.lower())
    pronoun = pronoun or s.rng.choice(["she", "he", "they"])
    names = {"she": ELDER_WOMEN, "he": ELDER_MEN}.get(pronoun, ELDER_NAMES)
    c = Character(title + " " + s.pick(names), kind, pronoun, "adult")
    c.relation = relation
    return c


def make_pet(s):
    kind, actions = s.rng.choice(PETS)
    pet = Character(s.pick(CRITTER_NAMES), kind, s.rng.choice(["she", "he"]), "pet", hand="paw")
    pet.actions = actions
    return pet


def setup(s, tags, seasons=("spring", "summer", "autumn", "winter"), world=None):
    """Choose the world, the cast, a place with one of `tags`, and a season."""
    s.world = world or ("animal" if s.chance(1, 4) else "human")
    def fits(p):  # a tag may also be the place's own name, like "the beach"
        return any(t in p["tags"] or t == p["name"] for t in tags)
    places = [p for p in PLACES if fits(p) and (s.world == "human" or p["world"] == "B")]
    if not places:  # no animal-world place fits: tell it with children instead
        s.world = "human"
        places = [p for p in PLACES if fits(p)]
    s.place = s.rng.choice(places)
    s.vars["town"] = s.pick(WORDS["town"])   # before the cast: their homes mention it
    if s.world == "animal":
        s.A = make_animal(s)
        s.B = make_animal(s, not_kind=s.A.kind)
    else:
        s.A = make_robot(s) if s.chance(1, 8) else make_child(s)
        s.B = make_robot(s) if s.A.role == "child" and s.chance(1, 6) else make_child(s)
    s.C = make_helper(s)
    s.pet = make_pet(s) if s.world == "human" and s.chance(1, 3) else None
    s.cast = [c for c in (s.A, s.B, s.C) if c]
    season = s.rng.choice(list(seasons))
    s.season = season
    s.vars.update(A=s.A, B=s.B, C=s.C, pet=s.pet, season=season,
                  month=s.rng.choice(SEASONS[season]["months"]),
                  place=s.place["name"], at_place=s.place["prep"] + " " + s.place["name"],
                  daypart=s.rng.choice(["morning", "afternoon"]))
    s.vars["when"] = s.t(SEASONS[season]["when"])
    # the sky and the weather belong outdoors, even when the story is indoors
    s.vars["outside"] = s.place["name"] if "outdoor" in s.place["tags"] else s.vars["town"]


PET_INTRO = [
    "{A.name} also had a {trait} {pet.kind} called {pet.name}.",
    "And there was {pet.name}, {A.name}'s {trait} {pet.kind}, who went everywhere with {A.them}.",
    "{A.name}'s {pet.kind}, {pet.name}, was {trait} and {trait}.",
    "{A.name} shared {A.their} home with a {pet.kind} called {pet.name}, who was very {trait}.",
]


C_ALONG = [
    "{C.name} came too, and sat down nearby with a flask of {warm_drink}.",
    "{C.name} came along as well, to keep an eye on them.",
    "{C.name} was there too, not far away, {helper_busy}.",
    "{C.name} had come with them and was resting in the shade of a {tree}.",
]


def beginning(s, helper_along=False):
    """Three paragraphs: the hero, the friends and helper, the day out.

    With helper_along, the helper comes on the outing too, so that the
    helper can step in later."""
    intro = s.pick(INTRO)
    first = [s.fill(intro)]
    if s.chance(1, 2):   # say more, but nothing the first sentence said already
        if "{A.home}" not in intro:
            first.append(s.t(INTRO_MORE_HOME))
        elif "{A.look}" not in intro:
            first.append(s.t(INTRO_MORE_LOOK))
        elif "{A.family}" not in intro:
            first.append(s.t(INTRO_MORE_FAMILY))
    first += [s.t(LIKES), s.t(LIKES)]
    second = [s.t(FRIEND_INTRO), s.t(HELPER_INTRO)]
    if s.pet:
        second.append(s.t(PET_INTRO))
    go_out = s.pick(GO_OUT)
    s.c_present = "{C.name}" in go_out   # is the helper there from the start?
    third = [s.fill(go_out), s.t(SEASONS[s.season]["weather"]), s.t(PLACE_DETAIL), s.t(PLACE_DETAIL)]
    if helper_along and not s.c_present:
        third.append(s.t(C_ALONG))
        s.c_present = True
    if s.pet:
        third.append(s.t(PET_LINES, pet_action=s.fill(s.rng.choice(s.pet.actions))))
    return [s.para(*first), s.para(*second), s.para(*third)]


def ending(s, lessons, mood="happy"):
    """The last paragraph: a feeling, a lesson and a closing picture."""
    s.vars["lesson"] = s.t(lessons)
    return s.para(s.feel(s.A, mood), s.t(LESSON_LINES), s.t(CLOSINGS))


def thanks(s):
    """A short thank-you exchange between hero and friend."""
    return s.para(s.talk(s.A, s.B, THANKS, WELCOME, "happy", "happy"))


# ---------------------------------------------------------------------------
# 7. The plots
# ---------------------------------------------------------------------------
# Each plot function sets up a story, writes its paragraphs and returns
# (title, paragraphs). The word lists each plot needs come just before it.

# --- Plot 1: something precious is lost ---------------------------------------

LOST_TITLES = [
    "{A.name} and the Lost {thing_noun}", "The Missing {thing_noun}", "Where Is the {thing_noun}?",
    "{A.name}'s {thing_noun}", "The Search for the {thing_noun}", "Lost {at_place}",
    "The {thing_noun} That Went Missing", "A {thing_noun} Goes Missing",
]
LOST_ORIGINS = [
    "{A.their} {relative} had given it to {A.them} on {A.their} {ordinal} birthday",
    "{A.they} had found it on a {color} morning long ago and kept it ever since",
    "{A.they} had won it at the {town} summer fair",
    "it had once belonged to {A.their} great-grandmother",
    "{A.they} had swapped {number_word} of {A.their} best {collectible} for it",
    "{A.they} had saved {A.their} pocket money for {number_word} weeks to buy it",
    "{A.their} {relative} had brought it all the way from a faraway city",
    "{A.their} {relative} had made it by hand, just for {A.them}",
    "it was a present from {A.their} {relative}, who lived far away in {town}",
]
LOST_NOTICE = [
    "{soon}, {A.name} reached into {A.their} {A.pocket} for {A.their} {thing_adj} {thing}, but it was not there.",
    "When {A.name} went to show {B.name} the {thing}, {A.their} {A.hand} found only {pocket_junk}.",
    "{A.name} patted {A.their} {A.pocket}, then patted it again. The {thing} was gone.",
    "{A.name} opened {A.their} {A.pocket} to look at the {thing}, but there was only {pocket_junk} inside.",
    "It was only when they stopped for a {snack} that {A.name} noticed. The {thing} was missing.",
    "{sudden}, {A.name} stopped still near {feature}. {A.Their} {A.pocket} felt much too light.",
    "{A.name} had carried {A.their} {thing_adj} {thing} all {daypart}, but now, when {A.they} felt for it, it was gone.",
    "On the way past {feature}, {A.name} felt for the {thing} and found a little hole instead.",
    "{A.name} wanted to hold the {thing} up to the light. But {A.their} {A.hand} closed on nothing.",
    "Halfway through the {daypart}, {A.name} gave a little cry. The {thing} had vanished.",
]
LOST_SPECIAL = [
    "It was not just any {thing_noun}. {origin}.",
    "{A.name} loved that {thing_noun}, because {origin}.",
    "The {thing_noun} was special: {origin}.",
    "{A.name} took it everywhere, because {origin}.",
    "To anyone else it was only a {thing_noun}. But {origin}.",
]
LOST_CRY = [
    "My {thing_noun}! It's gone!",
    "I had my {thing_noun} a minute ago, and now I can't find it!",
    "Have you seen my {thing_noun}, {L.name}? It was in my {S.pocket}!",
    "Oh no, {L.name}, my {thing_noun} is missing!",
    "{L.name}, I've lost my {thing}!",
    "It must have fallen out somewhere near {feature}!",
    "What if I never find it again?",
    "My {thing_noun} has disappeared, {L.name}. What shall I do?",
]
LOST_HELP = [
    "Don't worry, {L.name}. We'll find it together.",
    "Let's think. Where did you have it last?",
    "Two pairs of eyes are better than one, so I'll help you look, {L.name}.",
    "It can't have gone far, so let's start {spot}.",
    "Stay calm, {L.name}, because lost things always turn up in the last place you look.",
    "I'll search {spot}, and you search {spot}.",
    "Let's be detectives, {L.name}, and detectives never give up.",
    "Take a deep breath, {L.name}, and we'll look everywhere, one place at a time.",
]
LOST_SEARCH = [
    "First they {looked} {spot}, but all they found was {junk}.",
    "{A.name} {looked} {spot}. There was nothing there except {junk}.",
    "{B.name} got down on {B.their} knees and {looked} {spot}. {B.They} found {junk}, but no {thing_noun}.",
    "They searched {spot} and then {spot}, but the {thing_noun} was nowhere to be seen.",
    "{A.name} {looked} {spot} until {A.their} {A.hands} were grubby, but there was only {junk}.",
    "{B.name} thought {B.they} saw something {texture} {spot}, but it was only {junk}.",
    "They {looked} {spot} for a long time. {sudden}, {A.name} saw something glint. But it was only {junk}.",
    "{B.name} {looked} {spot}, and {A.name} {looked} {spot}. Nothing.",
]
LOST_RETRACE = [
    "Then {A.name} tried to remember everything {A.they} had done that {daypart}, and they went back to look {spot}.",
    "They walked back the way they had come, past {feature} and all the way to {feature}.",
    "{A.name} closed {A.their} eyes and thought hard. Had {A.they} taken it out near {feature}?",
    "{B.name} said they should go back over every step, so they did, slowly, looking at the ground.",
    "They asked {passerby} about the {thing}, but no one had seen it.",
    "{A.name} turned {A.their} {A.pocket} inside out, just in case. Out fell {pocket_junk}.",
]
LOST_STILL_GONE = [
    "But the {thing_noun} was not there either.",
    "Still there was no sign of the {thing_noun}.",
    "The {thing_noun} seemed to have vanished into thin air.",
    "It was no good: the {thing} was gone.",
    "They found {junk} and {junk}, but not the {thing_noun}.",
]
LOST_GIVE_UP = [
    "I'll never see my {thing_noun} again.",
    "It's gone forever, {L.name}, I just know it.",
    "What will I tell my {relative}?",
    "We've looked everywhere in {place}, and it's no use.",
    "Maybe someone else has found it and taken it home.",
] + GIVE_UP

# Animals that like to borrow shiny things: (who, where they were, what they did).
THIEVES = [
    ("a magpie", "on a branch of the {tree}", "was turning something over and over in its beak"),
    ("a squirrel", "on top of {feature}", "was trying to bury something as if it were a nut"),
    ("a puppy", "under a bush", "was chewing something happily"),
    ("a jackdaw", "on a wall nearby", "was showing something off to another jackdaw"),
    ("a crow", "on a post", "was tapping something with its beak"),
    ("a little goat", "by the fence", "was sniffing at something in the grass"),
    ("a raccoon", "behind a bin", "was holding something up to the light"),
    ("a seagull", "on a rock", "was pecking at something that sparkled"),
    ("a baby rabbit", "at the mouth of a burrow", "was sitting on something as if it were an egg"),
]
LOST_THIEF = [
    "{sudden}, {B.name} grabbed {A.name}'s arm and pointed. {thief} {thief_where} {thief_doing}. It was the {thing}!",
    "{sudden}, something caught the light. {thief} {thief_where} {thief_doing}, and the something was the {thing_noun}!",
    "{A.name} heard a {sound} and looked up. There, {thief_where}, {thief} {thief_doing}. It was the {thing_noun}!",
]
LOST_THIEF_FIX = [
    "{A.name} held out a crumb of {snack}. The {thief_noun} dropped the {thing_noun} at once and gobbled up the crumb instead.",
    "{B.name} whistled softly, and the {thief_noun} was so surprised that it let go of the {thing_noun}. {A.name} caught it with both {A.hands}.",
    "{C.name} came over, laughed, and gently swapped the {thing_noun} for a shiny button. The {thief_noun} seemed very pleased with the trade.",
    "They waited {carefully_word}, without moving, until the {thief_noun} got bored and wandered away. The {thing_noun} lay in the grass, safe and sound.",
]
LOST_SELF = [
    "{soon}, {A.name} bent down to tie {A.their} shoe and felt something hard {self_spot}. It was the {thing}, and it had been there all along!",
    "When {A.name} sat down with a sigh, something poked {A.them}. {A.They} reached {self_spot} and pulled out the {thing_noun}.",
    "{B.name} started to laugh and pointed at {A.name}: there was the {thing}, peeping out {self_spot}!",
]
SELF_SPOTS_CHILD = ["inside {A.their} boot", "in the hood of {A.their} coat", "in {A.their} other pocket",
                    "in the cuff of {A.their} sleeve", "in the bottom of {A.their} lunchbox",
                    "tangled in {A.their} scarf", "inside {A.their} sock"]
SELF_SPOTS_OTHER = ["in {A.their} other {A.pocket}", "tangled in {A.their} scarf",
                    "in the bottom of {A.their} lunchbox", "under {A.their} hat"]
LOST_HELPER = [
    "They ran to tell {C.name}, who listened to the whole story and then asked, \"When did you last have it in your {A.hand}?\"",
    "They went to find {C.name}, who listened carefully and said, \"Let's go back to the very beginning of the {daypart}.\"",
    "{C.name} came looking for them and saw their faces. \"Whatever is the matter, {A.name}?\" {C.they} asked.",
]
LOST_HELPER_FIND = [
    "{A.name} remembered. {A.They} had taken the {thing_noun} out to show {B.name} when they first arrived! They ran back, and there it was, {spot}.",
    "Step by step they went back, and {C.name} spotted it first: the {thing_noun}, lying {spot}, just where {A.name} had stopped for a {snack}.",
    "They went back to the very beginning. And there, {spot}, was the {thing}, waiting for them.",
]
LOST_STRANGER = [
    "{sudden}, {passerby} came hurrying up, holding out the {thing_noun}. \"Is this yours? I found it {spot}.\"",
    "A voice called out behind them, and there was {passerby}, waving the {thing}. \"Somebody dropped this {spot}!\"",
]
LOST_FOUND_JOY = [
    "{A.name} held the {thing_noun} tight and did not let go for a long time.",
    "{A.name} hugged the {thing_noun}, then hugged {B.name}, then hugged the {thing_noun} again.",
    "{A.name} rubbed the {thing_noun} clean on {A.their} sleeve; it was a little {texture} now, but it was perfect.",
    "{A.name} put the {thing_noun} somewhere safe, right at the bottom of {A.their} {A.pocket}, and did up the button.",
]
LOST_LESSONS = [
    "it helps to stay calm and look carefully",
    "two friends can find what one friend cannot",
    "the best way to find something is to go back over your steps",
    "precious things need a safe place to live",
    "giving up too soon is the surest way to lose something for good",
    "a friend who helps you search is a treasure too",
    "even a lost {thing_noun} can come home again",
]
LOST_SAFE = [
    "From that day on, {A.name} kept the {thing_noun} in a {container} with a tight lid.",
    "After that, {A.name} tied the {thing_noun} to a {color} ribbon so it could never slip away again.",
    "{A.name} asked {C.name} to sew a little pocket with a button, just for the {thing_noun}.",
]


def plot_lost(s):
    setup(s, ["outdoor", "indoor"])
    noun = s.pick(WORDS["treasure"])
    s.vars.update(thing_noun=noun, thing=s.fill("{color} ") + noun, thing_adj=s.pick(WORDS["treasure_adj"]))
    s.vars["origin"] = s.t(LOST_ORIGINS)
    passerby = s.fill(s.pick(WORDS["stranger"] if s.world == "human" else WORDS["animal_passerby"]))
    s.vars.update(passerby=passerby, carefully_word=s.fill("{carefully}", P=s.A))
    paras = beginning(s)
    paras.append(s.para(s.t(LOST_NOTICE), s.t(LOST_SPECIAL), s.feel(s.A, "worried")))
    paras.append(s.para(s.talk(s.A, s.B, LOST_CRY, LOST_HELP, "worried", "kind")))
    paras.append(s.para(s.t(LOST_SEARCH), s.t(LOST_SEARCH), s.t(LOST_STILL_GONE)))
    attempt = [s.t(LOST_RETRACE), s.t(LOST_STILL_GONE), s.feel(s.A, "sad")]
    paras.append(s.para(*attempt))
    paras.append(s.para(s.talk(s.A, s.B, LOST_GIVE_UP, ENCOURAGE, "sad", "kind")))
    way = s.rng.below(4)
    outdoor = "outdoor" in s.place["tags"]
    if way == 0 and outdoor:
        who, where, doing = s.rng.choice(THIEVES)
        s.vars.update(thief=who, thief_noun=who.split(" ", 1)[1], thief_where=s.fill(where), thief_doing=doing)
        paras.append(s.para(s.t(LOST_THIEF), s.t(LOST_THIEF_FIX)))
    elif way == 1 or (way == 0 and not outdoor):
        spots = SELF_SPOTS_CHILD if s.A.role == "child" else SELF_SPOTS_OTHER
        s.vars["self_spot"] = s.fill(s.rng.choice(spots))
        paras.append(s.para(s.t(LOST_SELF), s.say(s.B, s.A, LOST_LAUGH, "happy")))
    elif way == 2:
        paras.append(s.para(s.t(LOST_HELPER), s.t(LOST_HELPER_FIND)))
    else:
        paras.append(s.para(s.t(LOST_STRANGER), s.say(s.A, s.B, THANK_STRANGER, "happy")))
    paras.append(s.para(s.t(LOST_FOUND_JOY), s.feel(s.A, "relieved")))
    if s.chance(1, 2):
        paras.append(thanks(s))
    paras.append(s.para(s.t(LOST_SAFE)) + " " + ending(s, LOST_LESSONS))
    return s.t(LOST_TITLES), paras


LOST_LAUGH = [
    "It was with you the whole time, {L.name}!",
    "All that searching, and you were carrying it!",
    "You're the funniest detective I know, {L.name}.",
    "Well, at least we had an adventure looking for it!",
]
THANK_STRANGER = [
    "Thank you so much! It's my {thing_noun}, my very own {thing_noun}!",
    "Oh, thank you! I thought it was gone forever!",
    "You found it! Thank you, thank you, thank you!",
]
WORDS["animal_passerby"] = [
    "a kind old toad", "a busy beetle", "a hedgehog with a basket", "a young deer",
    "a mole with muddy paws", "a sparrow carrying a twig", "a friendly snail",
]


# --- Plot 2: something breaks ---------------------------------------------------

# thing, how it is played with, how it breaks, the damage, what it should do,
# the right tool, how it is mended, and how they know it works again.
BREAKABLES = [
    dict(thing="kite",
         tags=["windy", "the meadow", "the beach", "the park"], play="running with it until it leaped into the sky",
         how="a gust of wind slammed the kite into the branches of a {tree}",
         damage="the thin cross stick had snapped in two", works="fly",
         tool="a straight new stick and some strong thread",
         fix="tied a new stick in place with tight little knots",
         test="the kite climbed into the wind, higher than ever"),
    dict(thing="wooden train", tags=["indoor", "home"], play="pushing it along a track made of {material}",
         how="the train rolled off the edge and landed with a crack",
         damage="one of its red wheels had come right off", works="roll",
         tool="a tiny screwdriver and a new screw",
         fix="screwed the wheel back on, round and round, until it was tight",
         test="the train rolled all the way across the floor without a wobble"),
    dict(thing="teddy bear", tags=["indoor", "home", "outdoor"], play="giving it rides on {B.name}'s shoulders",
         how="the teddy's arm caught on a nail and tore",
         damage="one arm was hanging by a thread, and stuffing was poking out", works="be cuddled",
         tool="a needle and some {color} thread",
         fix="sewed the arm back on with tiny, careful stitches",
         test="the teddy could wave again, and the stitches looked like a brave little scar"),
    dict(thing="birdhouse",
         tags=["the garden", "the workshop", "the orchard", "the farm"], play="watching the {bird} that visited it",
         how="a strong wind blew the birdhouse off its post",
         damage="the roof had split away from the walls", works="keep a bird dry",
         tool="a small hammer and four nails",
         fix="nailed the roof back on, tap, tap, tap",
         test="the very next morning, a {bird} peeked in through the round door"),
    dict(thing="toy boat", tags=["water"], play="sailing it across the water",
         how="the boat sailed straight into a sharp rock",
         damage="the little sail was ripped from top to bottom", works="sail",
         tool="an old handkerchief, a needle and some thread",
         fix="sewed a brand-new sail out of the {pattern} handkerchief",
         test="the boat skimmed across the water with its new sail puffed out"),
    dict(thing="ukulele", tags=["indoor", "home", "outdoor"], play="playing songs about {book_topic}",
         how="a string snapped with a loud twang", damage="one string curled up like a spring",
         works="play a tune", tool="a new string and a steady pair of hands",
         fix="fitted the new string and turned the little pegs until it sang in tune",
         test="the ukulele played the happiest tune they had ever heard"),
    dict(thing="clay pot",
         tags=["the garden", "the kitchen", "the greenhouse", "the rooftop garden"], play="filling it with {flowers}",
         how="the pot slipped out of {A.name}'s {A.hands} and bumped onto the ground",
         damage="the handle had snapped clean off", works="be carried",
         tool="a tube of strong glue and a lot of patience",
         fix="glued the handle back on and held it very still while it dried",
         test="the pot could be carried again, and the crack looked like a thin gold line"),
    dict(thing="bicycle",
         tags=["the park", "the school playground", "the town square"], play="taking turns to ride it round {feature}",
         how="there was a horrible clunk, and the pedals spun round and round for nothing",
         damage="the chain had come off and hung down like a tired snake", works="go",
         tool="an oily rag and a bit of know-how",
         fix="hooked the chain back over the teeth of the wheel, one link at a time",
         test="the bicycle whizzed off down the path, smooth as butter"),
    dict(thing="wooden wagon", tags=["outdoor"], play="pulling each other along in it",
         how="the wagon hit a stone, and a wheel rolled away all by itself",
         damage="the peg that held the wheel had broken", works="roll",
         tool="a new wooden peg and a little mallet",
         fix="tapped a new peg through the axle to hold the wheel",
         test="the wagon rattled along with both friends inside it"),
    dict(thing="bead necklace", tags=["indoor", "home", "outdoor"], play="counting the {color} beads",
         how="the string caught on a button and snapped",
         damage="beads bounced and rolled in every direction", works="be worn",
         tool="a strong new thread and a needle with a big eye",
         fix="threaded every bead back on, one by one",
         test="the necklace shone, and not a single bead was missing"),
    dict(thing="model plane",
         tags=["the park", "the meadow", "the hill", "the beach"], play="gliding it over the grass",
         how="the plane swooped down and crashed into a fence",
         damage="one wing had cracked down the middle", works="fly",
         tool="a strip of thin wood and some glue",
         fix="glued a new strip of wood along the broken wing",
         test="the plane glided further than it ever had before"),
    dict(thing="paper lantern", tags=["indoor", "home", "outdoor"], play="carrying it along like a little moon",
         how="the lantern got squashed flat when somebody sat on it",
         damage="the paper was torn and the frame was bent", works="glow",
         tool="fresh paper, a pot of paste and a gentle touch",
         fix="bent the frame straight and pasted new paper over it",
         test="the lantern glowed {color} and gold when they hung it up"),
    dict(thing="drum", tags=["indoor", "home", "outdoor"], play="banging out a marching beat",
         how="{A.name} hit the drum so hard that the top split",
         damage="there was a long tear across the drum skin", works="boom",
         tool="a new skin and some strong string",
         fix="stretched the new skin tight and tied it down all the way round",
         test="the drum went BOOM so loudly that a {bird} flew off in surprise"),
    dict(thing="wind chime",
         tags=["the garden", "home", "the rooftop garden"], play="listening to it tinkle in the breeze",
         how="the wind chime fell and its strings tangled into a knot",
         damage="two of the little pipes had come off", works="tinkle",
         tool="some fishing line and a pair of scissors",
         fix="hung every pipe back on its own new line",
         test="the wind chime sang in the breeze like tiny bells"),
    dict(thing="umbrella", tags=["outdoor"], play="pretending it was a parachute",
         how="a gust of wind turned the umbrella inside out",
         damage="one of the thin metal spokes had bent right over", works="open",
         tool="a pair of pliers and some strong thread",
         fix="bent the spoke straight and bound it with thread",
         test="the umbrella opened with a happy whump"),
    dict(thing="music box", tags=["indoor", "home"], play="listening to its tinkly tune",
         how="the music box fell off a shelf with a crunch",
         damage="the tiny handle had bent, and no music came out", works="play",
         tool="a tiny pair of pliers and a drop of oil",
         fix="straightened the handle and added one drop of oil",
         test="the little tune tinkled out again, as sweet as ever"),
]

BROKEN_TITLES = [
    "The Broken {thing}", "{A.name} Mends the {thing}", "How to Fix a {thing}",
    "{A.name}'s {thing}", "The {thing} That Broke", "Mending the {thing}",
    "{A.name}, {B.name} and the Broken {thing}",
]
BROKEN_PLAY = [
    "{A.name} had brought {A.their} {thing} {at_place}, and the two friends took turns {play}.",
    "All {daypart} long, {A.name} and {B.name} played with {A.name}'s {thing}, {play}.",
    "{A.name}'s {thing} was {A.their} favorite thing in the world, and today they were {play}.",
    "{B.name} had never seen a {thing} like {A.name}'s before, so they spent ages {play}.",
]
BROKEN_BREAK = [
    "{sudden}, {how}.",
    "Everything was going beautifully until {how}.",
    "But {soon}, disaster struck: {how}.",
    "Then, with no warning at all, {how}.",
]
BROKEN_DAMAGE = [
    "{A.name} picked it up with shaking {A.hands}, and saw that {damage}.",
    "They stared at the {thing} in dismay: {damage}.",
    "{B.name} held it up so they could both see that {damage}.",
    "{A.name} knelt down beside it and looked closely; {damage}.",
]
BROKEN_CRY = [
    "My {thing} is broken!",
    "It's ruined, {L.name}, completely ruined!",
    "Look at it! It will never {works} again!",
    "It was my favorite {thing}, and now it's broken!",
    "What will I tell my {relative}? It was a present, {L.name}!",
    "Why did it have to break today, {L.name}?",
]
BROKEN_HOPE = [
    "Maybe we can fix it, {L.name}.",
    "Don't cry, {L.name}. Broken things can often be mended.",
    "Let me look, {L.name}. I'm good at fixing things, sometimes.",
    "I've got an idea, {L.name}: let's try to mend it ourselves.",
    "It's not ruined, {L.name}, it's just a bit broken.",
    "My {relative} says almost anything can be fixed with {material} and patience.",
]
# A wrong way to fix things, and why it does not work.
WRONG_FIXES = [
    ("a strip of sticky tape", "the tape peeled off as soon as {A.name} let go"),
    ("a blob of modeling clay", "the clay squashed flat and fell off with a plop"),
    ("a piece of string", "the string slipped loose and the {thing} flopped apart"),
    ("a rubber band", "the rubber band pinged off and hit {B.name} on the nose"),
    ("a plaster from the first-aid box", "it looked very funny, and it held nothing together at all"),
    ("a lot of glue", "the glue dripped everywhere and stuck {A.name}'s fingers together instead"),
    ("a hair clip", "the clip sprang open and shot into the grass"),
    ("a lolly stick", "the lolly stick snapped in two"),
    ("a paper clip", "the paper clip bent out of shape"),
    ("a sticky plaster and a lot of hoping", "hoping turned out not to be a kind of glue"),
]
BROKEN_TRY = [
    "First they tried to fix it with {wrong_fix}. But {wrong_fail}.",
    "{B.name} found {wrong_fix} in {B.their} {B.pocket}, and they tried that. But {wrong_fail}.",
    "{A.name} mended it with {wrong_fix}, and for about one minute it worked, until {wrong_fail}.",
    "Next {B.name} tried {wrong_fix}. Oh dear: {wrong_fail}.",
    "{B.name} said {wrong_fix} would do the trick, but {wrong_fail}.",
]
BROKEN_TO_HELPER = [
    "At last they carried the pieces to {C.name}, who put on {C.their} glasses and turned the {thing} over and over.",
    "They went to find {C.name}, who was {helper_busy}, and {C.name} listened to the whole sad story about the {thing}.",
    "{C.name} saw their long faces from across {place} and came over to see what was wrong.",
    "\"Let's ask {C.name},\" said {B.name}, so they did, and {C.name} looked at the {thing} very carefully.",
]
WORDS["helper_busy"] = [
    "sweeping the step", "reading the newspaper", "pruning the roses", "drinking a cup of tea",
    "mending a chair", "feeding the birds", "making {food}", "doing a crossword",
    "sorting a box of {collectible}", "polishing {C.their} boots", "humming over a pot of soup",
]
BROKEN_HELPER_SAYS = [
    "Sticky tape is good for lots of things, {L.name}, but not for a {thing}. What this needs is {tool}.",
    "Ah, I see, {L.name}. This {thing} isn't ruined at all; we just need {tool}.",
    "I have exactly the thing, {L.name}: {tool}. Shall I show you how?",
    "When I was your age, I broke a {thing} just like this one. Fetch me {tool}, please.",
    "Don't worry. With {tool}, we'll have it right in no time.",
]
BROKEN_FIX = [
    "{C.name} showed them what to do, and {A.name} {fix}, with {B.name} holding the {thing} still.",
    "{A.name} {fix}, slowly and carefully, while {C.name} watched and nodded.",
    "Together, they {fix}. It took a long time, and {A.name}'s tongue poked out the whole time.",
    "{C.name} did the tricky part, and then {A.name} {fix} all by {A.themself}.",
]
BROKEN_TEST = [
    "Then came the test, and {test}!",
    "When they tried it out, {test}.",
    "{A.name} and {B.name} held their breath and tried it. {test_cap}.",
    "{soon}, they tested it: {test}.",
]
BROKEN_LESSONS = [
    "broken things can often be mended with patience and the right tool",
    "it is better to ask for help than to stay sad",
    "a mended {thing} can be even more special than a new one",
    "sticky tape cannot fix everything, but patience can fix a lot",
    "fixing something yourself is a wonderful feeling",
    "almost nothing is so broken that it cannot be loved again",
]
BROKEN_WAS_ANGRY = [
    "For a moment, {A.name} wanted to say it was {B.name}'s fault, but it wasn't anybody's fault, really.",
    "{A.name} wanted to throw the pieces away, but {B.name} gathered them up carefully in {B.their} {B.hands}.",
    "{A.name} kicked a pebble, hard, but it did not make the {thing} any better.",
]


def plot_broken(s):
    item = s.rng.choice(BREAKABLES)
    setup(s, item["tags"])
    for key, value in item.items():
        if key != "tags":
            s.vars[key] = s.fill(value)
    s.vars["test_cap"] = s.vars["test"][0].upper() + s.vars["test"][1:]
    paras = beginning(s)
    paras.append(s.para(s.t(BROKEN_PLAY), s.t(BROKEN_BREAK), s.t(BROKEN_DAMAGE), s.feel(s.A, "sad")))
    paras.append(s.para(s.talk(s.A, s.B, BROKEN_CRY, BROKEN_HOPE, "sad", "kind")))
    first, second = s.rng.choice(WRONG_FIXES), s.rng.choice(WRONG_FIXES)
    if first is second:
        second = WRONG_FIXES[(WRONG_FIXES.index(first) + 1) % len(WRONG_FIXES)]
    tries = []
    for fix, fail in (first, second):
        tries.append(s.t(BROKEN_TRY, wrong_fix=fix, wrong_fail=s.fill(fail)))
    paras.append(s.para(*tries, s.feel(s.A, "cross"), s.t(BROKEN_WAS_ANGRY)))
    paras.append(s.para(s.say(s.A, s.B, GIVE_UP, "sad"), s.say(s.B, s.A, ENCOURAGE, "kind")))
    paras.append(s.para(s.t(BROKEN_TO_HELPER), s.say(s.C, s.A, BROKEN_HELPER_SAYS, "kind")))
    paras.append(s.para(s.t(BROKEN_FIX), s.t(BROKEN_TEST), s.feel(s.A, "proud")))
    if s.chance(1, 2):
        paras.append(thanks(s))
    paras.append(ending(s, BROKEN_LESSONS))
    return s.t(BROKEN_TITLES), paras


# --- Plot 3: caught in a storm ----------------------------------------------------

# One kind of storm for each season: signs, the storm itself, and what is left after.
STORMS = {
    "spring": dict(name="storm", wet="rain",
                   signs=["the sky behind {feature} turned a heavy, bruised purple",
                          "the birds went suddenly quiet", "a cold wind came rushing through the grass",
                          "fat gray clouds piled up like a heap of wet wool"],
                   hit=["hailstones as big as peas came bouncing down", "rain came down in silver sheets",
                        "a cold shower of rain and hail swept over them"],
                   noise="the hail rattled like {number_word} hundred dried peas in a tin",
                   after=["a rainbow arched over {place}, with every color in the right order",
                          "the hailstones melted into sparkling puddles",
                          "everything smelled clean and green and new"]),
    "summer": dict(name="thunderstorm", wet="rain",
                   signs=["the sky to the west turned the color of a bruise",
                          "the air grew hot and sticky and strangely still",
                          "far away, thunder grumbled like a hungry tummy",
                          "tall clouds towered up like castles made of smoke"],
                   hit=["lightning flashed, and rain came down in great warm drops",
                        "thunder crashed right overhead, and the rain poured down",
                        "the first drops fell, big as coins, and then the sky opened"],
                   noise="the thunder boomed and rolled like giant barrels down a hill",
                   after=["a double rainbow shone over {place}",
                          "steam rose from the warm ground in little curls",
                          "every leaf dripped and glittered in the sunshine"]),
    "autumn": dict(name="gale", wet="rain",
                   signs=["the wind began to howl and tug at their coats",
                          "leaves whirled up into the air like a flock of birds",
                          "dark clouds came racing across the sky",
                          "the trees began to bend and creak and groan"],
                   hit=["the wind roared, and icy rain came at them sideways",
                        "a huge gust nearly knocked them off their feet, and the rain began",
                        "the storm arrived all at once, with wind and rain together"],
                   noise="the wind howled like a wolf that had lost its way",
                   after=["the wind dropped to a whisper, and the clouds tore open to show blue sky",
                          "fallen leaves lay everywhere like a soggy golden carpet",
                          "a pale sun came out and made every puddle shine"]),
    "winter": dict(name="snowstorm", wet="snow",
                   signs=["the sky turned a heavy yellowish gray",
                          "the first flakes came drifting down, slow and lazy",
                          "the wind picked up and began to bite at their ears",
                          "the air smelled of snow, sharp and clean"],
                   hit=["the snow came thick and fast, swirling all around them",
                        "a blizzard blew in, and soon they could hardly see their own {A.hands}",
                        "snowflakes whirled so thickly that {feature} disappeared"],
                   noise="the wind whistled and moaned around every corner",
                   after=["the whole world was white and still and glittering",
                          "the snow lay deep and soft, with not a single footprint in it",
                          "the clouds drifted away and the snow sparkled like sugar"]),
}
STORM_TITLES = [
    "The {storm_name} {at_place}", "{A.name} and the {storm_name}", "Caught in the {wet}",
    "When the {storm_name} Came", "The Day of the Big {storm_name}", "Shelter from the {storm_name}",
]
STORM_SIGNS = [
    "{soon}, {A.name} noticed that {sign}.",
    "{B.name} pointed up at the sky, where {sign}.",
    "But the day was changing over {outside}: {sign}, and then {sign2}.",
    "{A.name} felt a shiver. {sign}.",
    "While {A.name} and {B.name} were busy, {sign}, but neither of them noticed at first.",
]
STORM_HIT = [
    "{sudden}, {hit}.",
    "Before they could even pick up their things, {hit}.",
    "They had only taken a few steps when {hit}.",
    "With a great rush, {hit}.",
]
STORM_NOISE = [
    "All around them, {noise}.",
    "{noise}, and {A.name} pressed {A.their} {A.hands} over {A.their} ears.",
    "It was loud and wild: {noise}.",
]
STORM_SCARED = [
    "I don't like this, {L.name}!",
    "What do we do, {L.name}? We're miles from home!",
    "{L.name}, I'm getting soaked right through!",
    "I can't see the way back, {L.name}!",
    "Is it going to get worse, {L.name}?",
    "My {clothing} is dripping, and my shoes are full of {wet}!",
]
STORM_PLAN = [
    "We need to find somewhere to shelter, quick!",
    "Hold my {S.hand}, {L.name}, and stay close!",
    "Let's get out of the {wet}, {L.name}. Come on!",
    "Don't worry, {L.name}. We'll find a dry place.",
    "Stay with me, {L.name}. We'll be all right if we stick together.",
]
# Wrong places to shelter and what goes wrong.
STORM_WRONG = [
    "They ran under a big {tree}, but the {wet} dripped through the leaves and down the backs of their necks.",
    "They crouched behind a low {wall}, but the wind whipped the {wet} right over the top of it and onto {A.name}'s head.",
    "{A.name} held {A.their} {clothing} over both their heads, but in a minute it was as soggy as a sponge.",
    "They tried to run all the way back to {A.name}'s house, but the path had turned into a slippery river of mud.",
    "{A.name} and {B.name} squeezed under a {bush}, but it was prickly, and it kept no {wet} out at all.",
    "They hid behind {feature}, but the wind came howling round the side and found them.",
]
SHELTERS = {
    "human": ["an old wooden shed with its door swinging open", "a bus shelter with a bench inside",
              "a hollow under a big rocky ledge", "a little hut with a tin roof",
              "the porch of a closed-up cafe", "a boathouse that smelled of tar",
              "a bandstand with a round roof"],
    "animal": ["a hollow log, just big enough for two", "a dry burrow under a bank",
               "a cave behind a curtain of ivy", "a hollow at the bottom of an old {tree}",
               "an overhanging rock with a dry patch beneath it", "a thick tangle of roots by the bank"],
}
STORM_SHELTER = [
    "Then {B.name} spotted {shelter}, and {A.name} and {B.name} dashed inside, shaking themselves like two wet dogs.",
    "Through the {wet}, {A.name} saw {shelter}. \"Over there, {B.name}!\" {A.they} shouted, and they ran.",
    "{A.name} remembered passing {shelter} earlier, and they raced back to it, splashing through every puddle.",
    "{sudden}, a light bobbed through the {wet}. It was {C.name}, who led them to {shelter}.",
]
STORM_WAIT = [
    "Inside, it was dry and almost cozy, and {A.name} shared {A.their} last {snack} with {B.name}.",
    "While they waited, {B.name} told a story about {book_topic}, and {A.name} forgot to be frightened.",
    "They counted slowly to {big_number} and back again, listening to the {storm_name} outside.",
    "They sang every song they knew, even the one about {book_topic}, and then they made up new ones.",
    "They watched the {wet} through the doorway and played I spy, and {A.name} spied something beginning with {letter}.",
    "{A.name} wrung out {A.their} {clothing}, and a whole puddle came out, which made {B.name} giggle.",
]
WORDS["bush"] = ["holly bush", "gorse bush", "bramble bush", "hawthorn bush", "rose bush", "box hedge"]
WORDS["wall"] = ["stone wall", "brick wall", "wooden fence", "bank of earth", "pile of logs"]
WORDS["letter"] = ["B", "C", "D", "F", "G", "M", "P", "R", "S", "T", "W"]
STORM_WISDOM = [
    "Storms are loud, but they never last forever, {L.name}.",
    "Listen, {L.name}: the {storm_name} is already getting quieter.",
    "The safest thing in a {storm_name} is a proper roof, not a tree.",
    "You did exactly the right thing, {L.name}: you found shelter and stayed together.",
    "Even the wildest {storm_name} gets tired in the end, {L.name}.",
]
STORM_PASS = [
    "{finally}, the {storm_name} grumbled away over the hills. {after_cap}.",
    "Little by little, the {wet} grew lighter, until it stopped altogether, and when {A.name} stepped outside, {after}.",
    "{finally}, everything went quiet, and when {B.name} peeked out, {after}.",
]
STORM_LESSONS = [
    "storms always pass, even the loudest ones",
    "it is wiser to find proper shelter than to run",
    "being together makes scary things smaller",
    "a calm head is the best umbrella",
    "after the {wet}, the world looks brand new",
]


def plot_storm(s):
    setup(s, ["outdoor"])
    storm = STORMS[s.season]
    s.vars.update(storm_name=storm["name"], wet=storm["wet"], noise=s.fill(storm["noise"]),
                  shelter=s.fill(s.rng.choice(SHELTERS[s.world])))
    after = s.fill(s.rng.choice(storm["after"]))
    s.vars.update(after=after, after_cap=after[0].upper() + after[1:])
    paras = beginning(s)
    signs = [s.fill(x) for x in storm["signs"]]
    s.rng.shuffle(signs)
    paras.append(s.para(s.t(STORM_SIGNS, sign=signs[0], sign2=signs[1]),
                        s.t(STORM_HIT, hit=s.fill(s.rng.choice(storm["hit"]))),
                        s.t(STORM_NOISE)))
    paras.append(s.para(s.feel(s.A, "scared"), s.talk(s.A, s.B, STORM_SCARED, STORM_PLAN, "worried", "plain")))
    paras.append(s.para(s.t(STORM_WRONG), s.t(STORM_WRONG), s.feel(s.B, "worried")))
    shelter = s.pick(STORM_SHELTER)
    wise = s.C if s.c_present or "{C.name}" in shelter else s.B
    paras.append(s.para(s.fill(shelter), s.t(STORM_WAIT)))
    paras.append(s.para(s.t(STORM_WAIT), s.say(wise, s.A, STORM_WISDOM, "kind")))
    paras.append(s.para(s.t(STORM_PASS), s.feel(s.A, "relieved")))
    paras.append(ending(s, STORM_LESSONS))
    return s.t(STORM_TITLES), paras


# --- Plot 4: a fear to face -------------------------------------------------------

# fear: what the hero is afraid of; tags: where it can happen; trigger: what
# happens today; avoid: what the hero usually does; fail: the first try going
# wrong; tip: advice; step: a small brave step; brave: the big brave step.
FEARS = [
    dict(fear="the dark", tags=["dark"],
         trigger="the flashlight flickered, fizzed and went out, and everything went black",
         avoid="always slept with the landing light on and the door wide open",
         fail="every shadow looked like a {monster}, and {A.they} could not take a single step",
         tip="The dark is only the same place with the light switched off, {L.name}. Everything in it is still just what it was.",
         step="{A.name} stood still and let {A.their} eyes get used to the dark, and slowly shapes appeared: {feature}, and then {feature}",
         brave="{A.name} found the way out all by {A.themself}, one careful step at a time, in the dark"),
    dict(fear="deep water", tags=["water"],
         trigger="{B.name} waded out until the water was up to {B.their} middle and called for {A.name} to come too",
         avoid="only ever paddled at the very edge, where the water could not reach {A.their} knees",
         fail="{A.they} took two steps in, felt the cold water climb up {A.their} legs, and scrambled straight back out",
         tip="The water wants to hold you up, {L.name}. Lie back, breathe slowly, and let it.",
         step="{A.name} held {B.name}'s {B.hand} and walked in up to {A.their} tummy, and nothing bad happened at all",
         brave="{A.name} lay back on the water, arms out like a starfish, and floated"),
    dict(fear="big dogs", tags=["the park", "the town square", "the beach", "the farm", "the campsite"],
         trigger="a huge shaggy dog came bounding toward them, barking a big, deep bark",
         avoid="always crossed the road whenever {A.they} saw a dog coming",
         fail="when the dog sniffed {A.their} shoe, {A.they} shrieked and ran behind {B.name}",
         tip="Most dogs are only saying hello, {L.name}. Stand still, let them sniff your hand, and keep your voice soft.",
         step="{A.name} let the dog sniff the back of {A.their} {A.hand}, and its nose was cold and tickly",
         brave="{A.name} stroked the big dog's ears, very gently, and the dog leaned against {A.them} like a furry wall"),
    dict(fear="high places", tags=["high", "play"],
         trigger="{B.name} climbed right up to the top and called down that the view was amazing",
         avoid="always stayed on the bottom step and pretended {A.they} did not want to climb",
         fail="{A.they} climbed three steps, looked down, and froze, clinging on with both {A.hands}",
         tip="Don't look down, {L.name}. Look at the next step, only the next one, and breathe.",
         step="{A.name} climbed one more step, then another, looking only at {A.their} {A.hands}",
         brave="{A.name} reached the very top and looked out over {place}, and it was the most beautiful thing {A.they} had ever seen"),
    dict(fear="speaking in front of everybody", tags=["school"],
         trigger="the teacher said it was {A.name}'s turn to read {A.their} story about {book_topic} to the whole class",
         avoid="always hid at the back whenever somebody asked for a volunteer",
         fail="when {A.they} opened {A.their} mouth, only a tiny squeak came out",
         tip="Find one friendly face and read it just to them, as if nobody else is there, {L.name}.",
         step="{A.name} practiced reading the story to {B.name}, then to {C.name}, then to a row of teddies",
         brave="{A.name} read the whole story to the class, loudly and clearly, and everybody clapped at the end"),
    dict(fear="bees", tags=["grow", "the meadow", "the park"],
         trigger="a big fuzzy bee came buzzing right past {A.name}'s nose",
         avoid="always ran away flapping {A.their} {A.hands} whenever {A.they} heard a buzz",
         fail="the bee buzzed closer, and {A.they} flapped and shrieked and ran",
         tip="Bees are busy, not cross, {L.name}. If you are calm and still, they just get on with their work.",
         step="{A.name} stood as still as a {still_like} and watched the bee go from flower to flower",
         brave="{A.name} knelt beside the {flowers} and watched the bees working, close enough to see their fuzzy legs covered in pollen"),
    dict(fear="strange noises at night", tags=["home", "the campsite"],
         trigger="a long, low creak came from somewhere close by, and then a scratching sound",
         avoid="always pulled the blanket right over {A.their} head at bedtime",
         fail="the next creak made {A.them} dive under a blanket",
         tip="Let's go and find out what it is, {L.name}. Noises are much less scary once you know their names.",
         step="{A.name} held the flashlight, and together they crept toward the sound",
         brave="{A.name} shone the light and found the noise: just a loose {noise_maker}. {A.They} laughed out loud"),
    dict(fear="the big slide", tags=["play", "the fair"],
         trigger="{B.name} whizzed down the big slide, shouting with joy, and called to {A.name} to have a go",
         avoid="always went on the baby slide instead, and said {A.they} liked it better",
         fail="{A.they} climbed to the top, looked down the long shiny slope, and climbed all the way back down again",
         tip="Sit down first, hold the sides, and let go only when you are ready, {L.name}.",
         step="{A.name} sat at the top for a long time, holding the sides, just getting used to it",
         brave="{A.name} let go and whooshed all the way down, screaming and laughing at the same time"),
    dict(fear="spiders", tags=["home", "dark", "grow"],
         trigger="a spider with long, long legs came scuttling across the floor toward {A.name}",
         avoid="always asked someone else to open the shed and the cupboards",
         fail="when the spider moved, {A.they} jumped onto a box",
         tip="That little spider is far more scared of you than you are of it, {L.name}. And it eats the flies!",
         step="{A.name} watched the spider from a safe distance, counting its legs: eight, exactly",
         brave="{A.name} gently caught the spider under a cup and carried it outside to the {flowers}"),
    dict(fear="big horses", tags=["the farm", "the barn", "the meadow"],
         trigger="a tall brown horse put its great head over the fence and snorted",
         avoid="always stayed far away from the field where the horses lived",
         fail="when the horse stamped, {A.they} snatched {A.their} {A.hand} back",
         tip="Hold your hand flat, like a plate, and let the horse come to you, {L.name}.",
         step="{A.name} held out a carrot on a flat {A.hand}, and the horse took it with soft, whiskery lips",
         brave="{A.name} stroked the horse's warm neck and even sat on its back while {C.name} held the reins"),
]
WORDS["pale_thing"] = ["milk", "a ghost", "a snowman", "porridge", "a boiled egg"]
WORDS["monster"] = ["monster", "crocodile", "giant spider", "troll", "bear", "dragon", "ghost"]
WORDS["noise_maker"] = ["shutter banging in the wind", "pipe gurgling", "branch scraping the wall",
                        "mouse in a paper bag", "hedgehog in the dry leaves", "gate swinging on its hinge"]

FEAR_TITLES = [
    "{A.name} Is Brave", "{A.name} and the Fear of {fear}", "Brave {A.name}",
    "A Brave Day {at_place}", "{A.name} Faces {fear}", "Not So Scary After All",
    "The Bravest {A.kind} in {town}",
]
FEAR_INTRO = [
    "There was one thing {A.name} did not like, and that was {fear}.",
    "Now, {A.name} was brave about most things, but not about {fear}.",
    "{A.name} had a secret: {A.they} {A.was} afraid of {fear}.",
    "The only thing that frightened {A.name} was {fear}.",
]
FEAR_HABIT = [
    "{A.They} {avoid}.",
    "Because of that, {A.they} {avoid}.",
    "For as long as anyone could remember, {A.name} {avoid}.",
]
FEAR_TRIGGER = [
    "But that {daypart}, {trigger}.",
    "{sudden}, {trigger}.",
    "Then, just when {A.name} was starting to enjoy {A.themself}, {trigger}.",
]
FEAR_ADMIT = [
    "I can't, {L.name}. I'm scared of {fear}.",
    "Please don't laugh, {L.name}, but {fear} frightens me.",
    "I want to go home, {L.name}. Right now.",
    "My legs won't move, {L.name}!",
    "I'm not scared, {L.name}! I'm just not ready, that's all.",
]
FEAR_SHARE = [
    "I won't laugh, {L.name}. I'm scared of {other_fear}, you know.",
    "Everybody is scared of something, {L.name}. I'm scared of {other_fear}.",
    "That's all right, {L.name}. I used to be scared of {other_fear}, and now I'm not.",
    "I'll stay right here with you, {L.name}.",
]
WORDS["other_fear"] = [
    "thunderstorms", "the vacuum cleaner", "geese", "the dark", "big waves", "spiders",
    "the doctor's waiting room", "the noise the bath makes when it empties", "clowns",
    "balloons that might pop", "deep puddles", "the bottom of the garden at night",
]
FEAR_FAIL = [
    "{A.name} decided to try, but {fail}.",
    "{A.name} took a deep breath and tried, but {fail}.",
    "\"Here I go,\" said {A.name} bravely. But {fail}.",
]
FEAR_TIP_INTRO = [
    "{C.name} came over and sat down beside {A.name}.",
    "{C.name} had seen everything, and came over {carefully_c} and crouched down.",
    "{C.name} came over to them with a {elder_trait} smile.",
    "{B.name} waved to {C.name}, who came over at once.",
]
FEAR_STEP = [
    "{A.name} thought about it. Then, very slowly, {step}.",
    "So {A.name} tried it that way. {step_cap}.",
    "It was hard, but {step}.",
]
FEAR_BRAVE = [
    "And then, before {A.they} could change {A.their} mind, {brave}.",
    "{A.name} felt the fear, and did it anyway: {brave}.",
    "{finally}, {brave}.",
]
FEAR_CHEER = [
    "You did it, {L.name}! You really did it!",
    "I knew you could, {L.name}!",
    "That was the bravest thing I've ever seen, {L.name}!",
    "Look at you, {L.name}!",
]
FEAR_ASK = [
    "Come on, {L.name}! It's fun!", "What's the matter, {L.name}?",
    "Are you all right, {L.name}? You've gone as pale as {pale_thing}.", "Your turn, {L.name}! Come on!",
]
FEAR_LESSONS = [
    "being brave does not mean not being scared; it means trying anyway",
    "big fears can be climbed like stairs, one small step at a time",
    "everybody is afraid of something, and that is all right",
    "a friend beside you makes you twice as brave",
    "things are often less scary once you get to know them",
]


def plot_fear(s):
    fear = s.rng.choice(FEARS)
    setup(s, fear["tags"])
    for key in ("fear", "trigger", "avoid", "fail", "step", "brave"):
        s.vars[key] = s.fill(fear[key])
    s.vars["step_cap"] = s.vars["step"][0].upper() + s.vars["step"][1:]
    s.vars["carefully_c"] = s.fill("{carefully}", P=s.C)
    paras = beginning(s, helper_along="school" not in fear["tags"])
    paras.append(s.para(s.t(FEAR_INTRO), s.t(FEAR_HABIT), s.t(FEAR_TRIGGER), s.feel(s.A, "scared")))
    paras.append(s.para(s.talk(s.B, s.A, FEAR_ASK, FEAR_ADMIT, "excited", "worried")))
    paras.append(s.para(s.say(s.B, s.A, FEAR_SHARE, "kind"), s.t(FEAR_FAIL), s.feel(s.A, "sad")))
    if "school" in fear["tags"]:   # no grown-up from home at school: the friend helps
        paras.append(s.para(s.say(s.B, s.A, fear["tip"], "kind")))
    else:
        paras.append(s.para(s.t(FEAR_TIP_INTRO), s.say(s.C, s.A, fear["tip"], "kind")))
    paras.append(s.para(s.t(FEAR_STEP), s.t(FEAR_BRAVE)))
    paras.append(s.para(s.say(s.B, s.A, FEAR_CHEER, "excited"), s.feel(s.A, "proud")))
    paras.append(ending(s, FEAR_LESSONS, "happy"))
    return s.t(FEAR_TITLES), paras


# --- Plot 5: a quarrel between friends ----------------------------------------------

# cause: what starts it; A_says / B_says: the angry words; fix: how they make it up.
QUARRELS = [
    dict(cause="{A.name} and {B.name} both reached for the {q_toy} at exactly the same moment",
         a_says="I had it first! It's my turn with the {q_toy}!",
         b_says="No, {L.name}, I saw it first! Give it to me!",
         fix="they took turns with the {q_toy}, counting to {big_number} each time, and laughing when they lost count"),
    dict(cause="{A.name} wanted to play {q_game}, but {B.name} wanted to play {q_game2}",
         a_says="{q_game_cap} is the best game ever. Yours is boring!",
         b_says="It is not boring, {L.name}! You always choose, every single time!",
         fix="they invented a brand-new game that was half {q_game} and half {q_game2}, and it was better than both"),
    dict(cause="{B.name} tripped and knocked over the {q_creation} that {A.name} had spent all {daypart} making",
         a_says="You ruined my {q_creation}, {L.name}! You did it on purpose!",
         b_says="I did not! It was an accident, {L.name}, and you know it!",
         fix="they built a new {q_creation} together, twice as big and twice as good"),
    dict(cause="there was only one {q_snack} left, and they both wanted it",
         a_says="That {q_snack} is mine, {L.name}. I'm much hungrier than you!",
         b_says="You had the last one yesterday, so it's mine!",
         fix="they broke the {q_snack} in half, and somehow each half tasted better than a whole one"),
    dict(cause="{B.name} said that {A.name} had cheated at {q_game}",
         a_says="I did not cheat, {L.name}! Take that back!",
         b_says="You did, {L.name}! I saw you peeking!",
         fix="they agreed on the rules together, wrote them down, and played again, fair and square"),
    dict(cause="they both wanted to be the captain of the pretend pirate ship",
         a_says="I'm the captain, {L.name}. It was my idea!",
         b_says="You're always the captain, {L.name}! It's my turn!",
         fix="they decided the ship needed two captains, one for mornings and one for afternoons"),
    dict(cause="{B.name} borrowed {A.name}'s {color} crayon and pressed so hard that it snapped",
         a_says="You broke my best crayon, {L.name}! I'm never lending you anything again!",
         b_says="It's only a {color} crayon, {L.name}! You're making a fuss about nothing!",
         fix="they used both halves of the crayon, one each, and drew a picture of {drawable} together"),
    dict(cause="{A.name} laughed when {B.name} fell over in the mud, and {B.name} did not think it was funny",
         a_says="It was funny, {L.name}! You looked like a {silly_thing}!",
         b_says="It wasn't funny at all, {L.name}! You're supposed to be my friend!",
         fix="{A.name} helped {B.name} wash off the mud, and then {A.name} jumped into the puddle too, on purpose"),
]
WORDS["game"] = [
    "hide and seek", "tag", "pirates", "explorers", "shops", "hopscotch", "football",
    "dragons and knights", "statues", "catch", "marbles", "space rockets", "doctors",
    "treasure hunters", "trains", "jungle animals", "cafes", "superheroes", "robots",
]
WORDS["creation"] = [
    "tower of blocks", "den of branches", "chalk drawing", "castle of cardboard", "house of cards",
    "tower of pebbles", "bridge of sticks", "pile of leaves", "domino snake", "sandcastle",
]
QUARREL_TITLES = [
    "{A.name} and {B.name} Fall Out", "The Big Quarrel {at_place}", "{A.name} and {B.name} Are Friends Again", "The Argument {at_place}",
    "{A.name} Says Sorry", "Two Cross Friends in {town}", "The Quarrel About {quarrel_topic}",
]
QUARREL_START = [
    "Everything was fine until {cause}.",
    "Then, {cause}.",
    "It all started when {cause}.",
    "{soon}, {cause}, and that was when the trouble began.",
]
QUARREL_APART = [
    "{A.name} stomped off one way, and {B.name} stomped off the other.",
    "\"I'm not playing with you any more!\" shouted {A.name}, and {A.they} marched away to {feature}.",
    "{B.name} turned {B.their} back, and {A.name} went and sat by {feature}, all alone.",
    "{A.name} and {B.name} both folded their arms and would not look at each other.",
]
QUARREL_ALONE = [
    "{A.name} tried to play {game} by {A.themself}, but it was no fun with nobody to play with.",
    "{A.name} built a little tower of {material} all alone. It wasn't the same without {B.name}.",
    "{A.name} kicked a stone along the ground, and the {daypart} felt very long and very gray.",
    "{A.name} tried humming a song about {book_topic}, but it came out sad.",
    "Across {place}, {B.name} was sitting all alone too, staring at {B.their} shoes.",
    "{A.name} looked across at {B.name}. {B.name} looked away quickly, but not before {A.name} saw {B.their} face.",
]
QUARREL_HELPER = [
    "{C.name} found {A.name} sitting by {A.themself}. \"You look as gloomy as a wet {weekday},\" {C.they} said.",
    "{C.name} sat down next to {A.name} and didn't say anything for a while, and then asked what had happened.",
    "\"Where's {B.name}?\" asked {C.name}, and {A.name} told {C.them} the whole story.",
]
QUARREL_ADVICE = [
    "Being right is a lonely sort of game, {L.name}. Being friends is much more fun.",
    "Sometimes the bravest word in the world is sorry, {L.name}.",
    "When two people are cross, the first one to say sorry is the strongest, {L.name}.",
    "Do you want to be right, {L.name}, or do you want to be happy?",
    "A quarrel is like a knot, {L.name}. It takes two pairs of {L.hands} to untie it.",
]
QUARREL_SORRY = [
    "I'm sorry, {L.name}. I shouldn't have shouted.",
    "Sorry, {L.name}. I was being silly and mean.",
    "I'm really sorry. I miss you, {L.name}.",
    "I don't want to be cross with you any more, {L.name}.",
    "Sorry I said those things, {L.name}.",
]
QUARREL_SORRY_TOO = [
    "I'm sorry too, {L.name}. I missed you.",
    "Me too, {L.name}. Playing alone is boring.",
    "Sorry too, {L.name}. Friends again?",
    "I was mean too, {L.name}. I'm sorry.",
    "Let's never quarrel again, {L.name}. Well, hardly ever.",
]
QUARREL_GO_BACK = [
    "{A.name} took a big breath and walked all the way across {place} to where {B.name} was sitting.",
    "{A.name} took {A.their} last {snack} and carried it over to {B.name} as a peace present.",
    "{A.name} walked slowly over to {B.name}, scuffing {A.their} shoes, and sat down beside {B.them}.",
    "At exactly the same moment, {A.name} and {B.name} both stood up and walked toward each other.",
]
QUARREL_MAKE_UP = [
    "In the end, {fix}.",
    "Then they had a good idea: {fix}.",
    "So {fix}.",
]
QUARREL_LESSONS = [
    "saying sorry can be hard, but it makes everything lighter",
    "friends can disagree and still be friends",
    "sharing makes good things last longer",
    "a quarrel is smaller than a friendship",
    "it is better to be kind than to be right",
]


def plot_quarrel(s):
    setup(s, ["outdoor", "indoor"])
    q = s.rng.choice(QUARRELS)
    games = [g for g in WORDS["game"]]
    s.rng.shuffle(games)
    s.vars.update(q_game=games[0], q_game2=games[1], q_game_cap=games[0][0].upper() + games[0][1:],
                  q_toy=s.pick(WORDS["toy"]), q_creation=s.pick(WORDS["creation"]),
                  q_snack=s.pick(WORDS["snack"]))
    s.vars.update(cause=s.fill(q["cause"]), fix=s.fill(q["fix"]))
    s.vars["quarrel_topic"] = s.rng.choice(["the " + s.vars["q_toy"], s.vars["q_game"],
                                            "the last " + s.vars["q_snack"], "nothing at all"])
    paras = beginning(s)
    paras.append(s.para(s.t(QUARREL_START), s.say(s.A, s.B, q["a_says"], "cross"),
                        s.say(s.B, s.A, q["b_says"], "cross")))
    paras.append(s.para(s.t(QUARREL_APART), s.feel(s.A, "cross"), s.feel(s.B, "cross")))
    paras.append(s.para(s.t(QUARREL_ALONE), s.t(QUARREL_ALONE), s.feel(s.A, "sad")))
    if s.chance(2, 3):
        paras.append(s.para(s.t(QUARREL_HELPER), s.say(s.C, s.A, QUARREL_ADVICE, "kind")))
    paras.append(s.para(s.t(QUARREL_GO_BACK), s.talk(s.A, s.B, QUARREL_SORRY, QUARREL_SORRY_TOO, "sad", "happy")))
    paras.append(s.para(s.t(QUARREL_MAKE_UP), s.feel(s.B, "happy")))
    paras.append(ending(s, QUARREL_LESSONS))
    return s.t(QUARREL_TITLES), paras


# --- Plot 6: a mystery to solve -----------------------------------------------------

# what: the strange thing; clue1, clue2: what they find; suspect: their first,
# wrong guess; wrong: how they learn it is wrong; plan: how they watch;
# reveal: the answer; after: what they do about it.
MYSTERIES = [
    dict(tags=["the garden", "the farm", "the rooftop garden", "the greenhouse"], what="every morning, more of the ripe strawberries had vanished from the patch",
         clue1="tiny bite marks in the strawberries that were left",
         clue2="a trail of little scuffed footprints leading under the hedge",
         suspect="{B.name}'s little cousin, who loved strawberries more than anything",
         wrong="the little cousin had been away at the seaside all week",
         plan="hid behind {feature} just as the sun was coming up",
         reveal="a mother hedgehog came snuffling out of the hedge with three tiny hoglets, and they all began to munch",
         after="planted a row of strawberries just for the hedgehogs, right next to the hedge"),
    dict(tags=["the attic", "the kitchen", "the workshop"], what="something went tap, tap, tap every evening, just as it got dark",
         clue1="the tapping only came on windy evenings", clue2="a long thin scratch on the outside of the window",
         suspect="a burglar trying to get in", wrong="a burglar would hardly knock so politely, every single night",
         plan="waited in the dark with a flashlight, as quiet as two mice",
         reveal="a long twiggy branch of the {tree} outside was swaying in the wind and tapping on the glass",
         after="named the branch Mister Knock and said good night to it every evening"),
    dict(tags=["the garden", "the park", "the forest", "the meadow", "the farm"], seasons=["winter"], what="a line of strange footprints had appeared in the snow overnight",
         clue1="the prints had four toes and tiny claw marks",
         clue2="the prints led in a neat straight line, one paw in front of the other",
         suspect="a wolf, or maybe even a small bear",
         wrong="the prints were far too small for a bear, and there were no wolves for miles",
         plan="followed the prints very quietly, step by step",
         reveal="a fox lay curled up under {spot_plain}, with its bushy tail wrapped round its nose like a scarf",
         after="left a little bowl of water out for the fox, and watched from far away"),
    dict(tags=["the garden", "the farm"], what="socks kept disappearing from the washing line, one at a time",
         clue1="a {color} sock lying in the middle of the lawn",
         clue2="a little black-and-white feather caught on a peg",
         suspect="the naughty puppy from next door", wrong="the puppy had been shut indoors all day, snoring",
         plan="watched the washing line from the window, taking turns",
         reveal="a magpie swooped down, pulled a sock off the line, and flew away to line its nest with it",
         after="hung up a bundle of old wool for the magpie, so it would leave the socks alone"),
    dict(tags=["the garden", "the meadow", "the campsite"], seasons=["summer"], what="tiny green lights were blinking on and off in the dark every night",
         clue1="the lights only came out on warm evenings", clue2="the lights moved slowly, floating and drifting",
         suspect="fairies having a party", wrong="fairies, {C.name} said, were usually in bed by eight",
         plan="crept out after supper with a jam jar and a lot of patience",
         reveal="the lights were fireflies, hundreds of them, glowing like tiny lanterns in the grass",
         after="let the one firefly they had caught fly away again, and watched it join the others"),
    dict(tags=["the attic", "the library"], what="an old folded map had turned up inside a book, with a red X drawn on it",
         clue1="the map showed {place}, but from long ago",
         clue2="someone had written 'ten steps from the door' in faded ink",
         suspect="real pirates", wrong="pirates, they decided, did not usually bother with maps of places like {place}",
         plan="counted ten steps from the door and began to search, very carefully",
         reveal="there was a little tin box with a faded note inside: it was {C.name}'s own treasure hunt, from when {C.they} {C.was} a child",
         after="made a new treasure map of their own and hid it for the next child to find"),
    dict(tags=["the pond", "the garden"], what="the goldfish in the pond were disappearing, one by one",
         clue1="big, three-toed footprints in the mud at the edge of the pond",
         clue2="a long gray feather floating on the water",
         suspect="{C.name}'s cat", wrong="the cat hated getting its paws wet and would not go near the pond",
         plan="sat very still in the early morning mist and watched the pond",
         reveal="a tall gray heron stepped slowly out of the reeds and stood staring at the water",
         after="put a net over part of the pond, so the fish had a safe place to hide"),
    dict(tags=["the classroom"], what="the class hamster had escaped from its cage",
         clue1="a trail of sunflower seed shells across the floor", clue2="a tiny nibbled corner on a paper chain",
         suspect="the big boys from the top class", wrong="the big boys had been on a school trip all day",
         plan="sprinkled a little flour on the floor and waited to see the footprints",
         reveal="the hamster was fast asleep in the dressing-up box, curled up inside a pirate hat",
         after="made a sign for the cage that said 'Please shut the door!' in big letters"),
    dict(tags=["the garden", "the orchard"], what="little holes kept appearing in the lawn every night",
         clue1="heaps of earth pushed up beside each hole", clue2="wide paw prints with long claw marks",
         suspect="{B.name}'s dog, digging for bones", wrong="the dog had slept at the foot of the bed all night",
         plan="stayed up late and watched from behind the curtains",
         reveal="a badger trundled across the grass in the moonlight and started digging for worms",
         after="decided that a few holes were a small price to pay for a badger visitor"),
    dict(tags=["the barn", "the cave", "the attic"], what="a strange, sad whistling sound came out of nowhere whenever the wind blew",
         clue1="the sound only came when the wind was blowing hard",
         clue2="the whistle changed when {A.name} stood in one particular spot",
         suspect="a ghost", wrong="ghosts, {B.name} pointed out, did not exist, and anyway they did not whistle",
         plan="crept around the walls, listening hard at every crack",
         reveal="the wind was blowing across the top of an old glass bottle on a shelf, making it sing",
         after="lined up three more bottles and played a windy tune on all four"),
    dict(tags=["the library"], what="every morning, three books were found lying on the floor",
         clue1="a few long gray hairs on the bottom shelf", clue2="the books always fell from the sunniest shelf",
         suspect="a naughty child who came in after closing time",
         wrong="all the doors were locked at night, and nobody had a key",
         plan="hid behind a shelf at closing time and waited",
         reveal="a big gray cat squeezed out from behind the books, stretched in the last patch of sun, and knocked a book off with its tail",
         after="put a soft cushion on the sunny shelf, just for the cat"),
    dict(tags=["the kitchen"], what="cookies kept vanishing from the cookie jar, even though nobody had eaten them",
         clue1="a trail of crumbs along the skirting board", clue2="a tiny hole behind the bread bin",
         suspect="{C.name}, who loved cookies", wrong="{C.name} had been out at the market all {daypart}",
         plan="left one cookie on a plate and watched from behind the door",
         reveal="a little brown mouse crept out, took the cookie in both paws, and dragged it off toward the hole",
         after="gave the mouse a crumb of cheese and then filled the little hole, very gently, once it had gone home"),
]
MYSTERY_TITLES = [
    "The Mystery {at_place}", "{A.name} and {B.name}, Detectives", "The Mystery of the {mystery_word}",
    "{A.name} Asks: Who Did It?", "The Case of the {mystery_word}", "{A.name} Solves a Mystery",
    "A Puzzle for {A.name}",
]
MYSTERY_START = [
    "But something strange was happening {at_place}: {what}.",
    "Something very odd was happening {at_place}: for days now, {what}.",
    "That {daypart}, {C.name} told them something puzzling: {what}.",
    "{A.name} had noticed something strange. {what_cap}.",
]
MYSTERY_WONDER = [
    "It's a mystery, {L.name}. A real mystery!",
    "Who could be doing it, {L.name}? We have to find out!",
    "Let's be detectives, {L.name}. I'll get my magnifying glass!",
    "This is the strangest thing that has ever happened in {town}!",
    "I bet we can solve it if we look really carefully, {L.name}.",
]
MYSTERY_AGREE = [
    "Yes! Detectives {S.name} and {L.name}, at your service!",
    "I'll bring a notebook to write down the clues, {L.name}.",
    "Where shall we start, {L.name}?",
    "First we need clues, {L.name}. Lots of clues.",
]
MYSTERY_CLUE = [
    "The first clue was {clue1}.",
    "{B.name} found the first clue: {clue1}.",
    "They {looked} everywhere, and {A.name} spotted {clue1}.",
    "With the magnifying glass, {A.name} found {clue1}.",
]
MYSTERY_CLUE2 = [
    "Then they found another clue: {clue2}.",
    "Later, {B.name} noticed {clue2}.",
    "{A.name} wrote it all down in {A.their} notebook. Clue number two was {clue2}.",
]
MYSTERY_GUESS = [
    "I know who it is, {L.name}! It must be {suspect}!",
    "It's obvious, {L.name}. It's {suspect}!",
    "I think it's {suspect}. Who else could it be?",
]
MYSTERY_WRONG = [
    "But when {A.name} checked, it turned out that {wrong}.",
    "But {C.name} shook {C.their} head and explained that {wrong}.",
    "They went to look, and it turned out that {wrong}; {A.name} had got it all wrong.",
]
MYSTERY_PLAN = [
    "So {A.name} and {B.name} made a plan: they {plan}.",
    "\"We'll have to catch the culprit in the act,\" said {B.name}. So they {plan}.",
    "That night, they {plan}.",
]
MYSTERY_WAIT = [
    "They waited for a long time, until {A.name}'s foot went to sleep and {B.name} yawned an enormous yawn.",
    "Nothing happened for ages, so {A.name} counted {number_word} stars and {number_word} moths.",
    "They waited so long that {B.name} nearly fell asleep, and {A.name} had to nudge {B.them} awake.",
    "The minutes crawled by, and when a {bird} called somewhere, {A.name} jumped.",
]
MYSTERY_REVEAL = [
    "Then, at last, {A.name} saw it: {reveal}.",
    "{sudden}, {B.name} grabbed {A.name}'s arm. There it was: {reveal}.",
    "And then they saw the answer to the whole mystery: {reveal}.",
]
MYSTERY_AFTER = [
    "After that, they {after}.",
    "The next day, the two detectives {after}.",
    "With {C.name}'s help, they {after}.",
]
MYSTERY_LAUGH = [
    "So that's who it was all along, {L.name}!",
    "Case closed, {L.name}!",
    "We solved it, {L.name}! We really solved it!",
    "And I thought it was {suspect}!",
]
MYSTERY_LESSONS = [
    "a good detective looks carefully before deciding anything",
    "it is not fair to blame someone without proof",
    "the answer to a mystery is often smaller than you imagine",
    "clues, patience and a friend can solve almost anything",
    "the world is full of little secrets if you look closely",
]


def plot_mystery(s):
    m = s.rng.choice(MYSTERIES)
    setup(s, m["tags"], m.get("seasons", ("spring", "summer", "autumn", "winter")))
    s.vars["spot_plain"] = s.rng.choice(["a bush", "a hedge", "an old {tree}", "a pile of logs", "a garden bench"])
    s.vars["spot_plain"] = s.fill(s.vars["spot_plain"])
    for key in ("what", "clue1", "clue2", "suspect", "wrong", "plan", "reveal", "after"):
        s.vars[key] = s.fill(m[key])
    s.vars["what_cap"] = s.vars["what"][0].upper() + s.vars["what"][1:]
    s.vars["mystery_word"] = s.rng.choice(["Missing Things", "Strange Clues", "Midnight Visitor",
                                           "Secret Visitor", "Puzzling Footprints", "Hidden Culprit"])
    paras = beginning(s, helper_along=True)
    paras.append(s.para(s.t(MYSTERY_START), s.feel(s.A, "excited")))
    paras.append(s.para(s.talk(s.A, s.B, MYSTERY_WONDER, MYSTERY_AGREE, "excited", "excited")))
    paras.append(s.para(s.t(MYSTERY_CLUE), s.say(s.A, s.B, MYSTERY_GUESS, "excited"), s.t(MYSTERY_WRONG)))
    paras.append(s.para(s.feel(s.A, "worried"), s.t(MYSTERY_CLUE2), s.t(IDEA, P=s.B)))
    paras.append(s.para(s.t(MYSTERY_PLAN), s.t(MYSTERY_WAIT)))
    paras.append(s.para(s.t(MYSTERY_REVEAL), s.say(s.B, s.A, MYSTERY_LAUGH, "happy")))
    paras.append(s.para(s.t(MYSTERY_AFTER), s.feel(s.A, "happy")))
    paras.append(ending(s, MYSTERY_LESSONS))
    return s.t(MYSTERY_TITLES), paras


# --- Plot 7: a contest ---------------------------------------------------------------

# name: the contest; goal: what to make or do; fail: the practice going wrong;
# tip: the advice that helps; twist: what goes wrong on the day; save: how the
# tip saves it; tags and seasons: where and when it can happen.
CONTESTS = [
    dict(name="sandcastle contest", tags=["beach"], goal="build the most splendid sandcastle on the beach",
         fail="the towers crumbled into heaps of dry sand as soon as they were built",
         tip="Mix the sand with plenty of water, so it sticks together like cake mix, {L.name}.",
         twist="a big wave came sneaking up the beach toward their castle",
         save="they dug a deep moat, just in time, and the wave swirled round the castle instead of knocking it down"),
    dict(name="kite festival", tags=["windy", "the meadow", "the beach"], goal="fly a kite higher than anyone else",
         fail="the kite spun round and round and nose-dived into the grass",
         tip="Your kite needs a longer tail to keep it steady, {L.name}. Try tying on some ribbons.",
         twist="the wind dropped and all the kites began to droop",
         save="they ran together into the last little breeze, and their kite, with its long ribbon tail, climbed and climbed"),
    dict(name="baking contest", tags=["bake", "the town square", "the fair"], goal="bake the best {cake} in {town}",
         fail="the {cake} sank in the middle like a pond",
         tip="Don't open the oven door to peek, {L.name}. Cakes hate a cold draught.",
         twist="{B.name} dropped the spoon and nearly knocked the bowl off the table",
         save="they caught the bowl together, finished the mixture, and did not open the oven door once"),
    dict(name="egg-and-spoon race", tags=["the school playground", "the park", "the meadow", "the fair"],
         goal="win the egg-and-spoon race", fail="the egg wobbled off the spoon every few steps and rolled away",
         tip="Look at the egg, not at your feet, and walk as smoothly as a swan, {L.name}.",
         twist="the runner next to them stumbled and bumped {A.name}'s elbow",
         save="{A.name} kept {A.their} eyes on the egg, wobbled, steadied, and kept on going"),
    dict(name="paper boat race", tags=["the pond", "the riverbank", "the lake"], goal="make the fastest paper boat",
         fail="the paper went soggy and the boat sank with a sad little gurgle",
         tip="Rub the paper all over with an old candle, {L.name}. Wax keeps the water out.",
         twist="a gust of wind blew their boat toward the reeds",
         save="the waxy little boat bobbed back out of the reeds and sailed on, as dry as a bone"),
    dict(name="drawing contest", tags=["school", "quiet", "the town square"], goal="draw the best picture of {place}",
         fail="the paint ran and smudged into a brown puddle",
         tip="Start with light pencil lines, and let each color dry before you add the next, {L.name}.",
         twist="{A.name} spilled a drop of water right on the finished picture",
         save="{A.name} turned the drop into a little {bird}, and it looked as if it had always been meant to be there"),
    dict(name="talent show", tags=["school", "the town square", "the fair"], goal="sing a song in the talent show",
         fail="{A.name}'s voice wobbled and the words flew clean out of {A.their} head",
         tip="Find one friendly face in the crowd and sing just to them, {L.name}.",
         twist="the music stopped halfway through the song",
         save="{A.name} looked at {B.name}'s friendly face and kept on singing without any music at all"),
    dict(name="snowman contest", tags=["outdoor"], seasons=["winter"], goal="build the best snowman in {town}",
         fail="the snow was powdery and the snowman's head kept rolling off",
         tip="Wait till the sun softens the snow a little, {L.name}. Sticky snow makes the strongest snowmen.",
         twist="the snowman's carrot nose fell off and a {bird} flew away with it",
         save="they gave the snowman a {vegetables_one} nose instead, and everybody said it had character"),
    dict(name="scarecrow contest", tags=["grow", "the farm"], goal="make the best scarecrow",
         fail="the scarecrow kept flopping over in the wind like a sleepy giant",
         tip="A scarecrow needs a strong pole for a backbone, pushed deep into the ground, {L.name}.",
         twist="a gust of wind tugged at the scarecrow's hat",
         save="the scarecrow stood firm on its new backbone, and only the hat went flying, which made everyone laugh"),
    dict(name="pancake race", tags=["bake", "the town square"], goal="win the pancake-flipping race",
         fail="the pancake flew up, flipped twice, and stuck to the ceiling",
         tip="It's all in the wrist, {L.name}. A small flick, not a big fling.",
         twist="the pan was hotter than they expected and the pancake began to stick",
         save="{A.name} gave a small, neat flick of the wrist, and the pancake flipped perfectly"),
    dict(name="sack race",
         tags=["the park", "the meadow", "the fair", "the school playground"], goal="win the sack race",
         fail="{A.name} tried to run in the sack and fell flat on {A.their} nose",
         tip="Don't run, {L.name}. Hold the sack up high and make small, bouncy hops, like a kangaroo.",
         twist="the sack slipped down round {A.name}'s ankles",
         save="{A.name} pulled it up, held it tight, and hopped small, bouncy hops all the way"),
    dict(name="spelling bee", tags=["school", "quiet"], goal="win the spelling bee",
         fail="{A.name} mixed up the letters in every long word",
         tip="Say the word slowly and clap the parts, {L.name}. Then spell one part at a time.",
         twist="{A.name} was given the hardest word of all: {long_word}",
         save="{A.name} clapped the parts quietly under the table and spelled it, letter by letter"),
]
WORDS["weather_bad"] = ["rain", "drizzle", "wind", "fog", "hail", "mist"]
WORDS["cake"] = ["carrot cake", "lemon cake", "chocolate cake", "banana bread", "honey cake",
                 "apple pie", "plum tart", "sponge cake", "ginger cake", "coconut cake"]
WORDS["vegetables_one"] = ["parsnip", "radish", "green bean", "potato", "pepper", "turnip"]
WORDS["long_word"] = ["hippopotamus", "wheelbarrow", "kaleidoscope", "thunderstorm", "caterpillar",
                      "marshmallow", "rhinoceros", "encyclopedia", "butterscotch"]
WORDS["any_name"] = GIRL_NAMES + BOY_NAMES + NEUTRAL_NAMES

CONTEST_TITLES = [
    "The {contest}", "{A.name} and the {contest}", "The Day of the {contest}", "{A.name} Tries to Win",
    "The Big {contest}", "A Prize for {A.name}",
]
CONTEST_NEWS = [
    "A poster had gone up {at_place}. In big {color} letters it said: {contest_cap} on {weekday}!",
    "{C.name} had exciting news. There was going to be a {contest} on {weekday}, and anybody could enter.",
    "{B.name} came running with a leaflet. \"There's a {contest} on {weekday}!\" {B.they} panted.",
    "Everybody in {town} was talking about the {contest} on {weekday}.",
]
CONTEST_WANT = [
    "We have to enter, {L.name}! I want to {goal}!",
    "Let's enter together, {L.name}. We could {goal}!",
    "I've always wanted to {goal}. This is our chance!",
]
CONTEST_AGREE = [
    "Yes! Let's start practicing right now, {L.name}!",
    "We'll be the best team in {town}, {L.name}!",
    "I'm in! But we'll need to practice, {L.name}.",
]
CONTEST_PRACTICE_FAIL = [
    "{A.name} and {B.name} started practicing straight away, but {fail}.",
    "The first practice was a disaster: {fail}.",
    "They tried and tried, but {fail}, every single time.",
    "{A.name} had a go at the {contest}, but oh dear: {fail}.",
]
CONTEST_WORRY = [
    "We'll never win at this rate, {L.name}.",
    "Everyone else will be much better than us, {L.name}.",
    "Maybe we shouldn't enter the {contest} after all.",
    "How can we {goal} when we can't even practice properly?",
]
CONTEST_PRACTICE_AGAIN = [
    "They practiced every day after that, and each day {A.name} did a little better than the day before.",
    "So they tried it that way, again and again, until {A.name}'s arms ached.",
    "{A.name} and {B.name} practiced in the morning and in the evening, and even once in the {weather_bad}.",
    "Day by day, {A.name} got a little bit better, like a {tree} growing a little each morning.",
]
CONTEST_DAY = [
    "{finally}, it was the day of the {contest}. {rival1} was there, and {rival2}, and what seemed like half of {town}.",
    "On the day of the {contest}, {place} was full of people. {rival1} waved, and {rival2} looked very serious.",
    "The day of the {contest} arrived, bright and busy, and {A.name} saw {rival1} and {rival2} getting ready.",
]
CONTEST_TWIST = [
    "Halfway through, {twist}!",
    "Everything was going well until {twist}.",
    "{sudden}, {twist}.",
]
CONTEST_SAVE = [
    "But {A.name} remembered the tip. {save_cap}.",
    "{B.name} shouted, \"Remember what we practiced!\" And {save}.",
    "{A.name} took a deep breath and did just what {tipper} had said. {save_cap}.",
]
CONTEST_RESULT = {
    "win": ["When the judge read out the winners, {A.name} and {B.name} had won first prize: a {prize}!",
            "{A.name} and {B.name} won! The judge gave them a {prize}, and everybody cheered."],
    "second": ["They did not win first prize; {rival1} did. But they came second, and they won a {prize}.",
               "{rival1} won the {contest}, and {A.name} and {B.name} came a very close second, with a {prize} to prove it."],
    "none": ["{A.name} and {B.name} did not win a prize: {rival1} won, and {rival2} came second. But {A.name} was grinning anyway.",
             "The prize went to {rival1}. {A.name} clapped as hard as anybody, because {A.they} knew how hard it was."],
}
WORDS["prize"] = [
    "shiny {color} rosette", "small silver cup", "jar of honey", "book about {book_topic}",
    "basket of {fruits}", "golden medal on a ribbon", "certificate with a gold star",
    "box of {color} pencils", "tin of homemade biscuits",
]
CONTEST_AFTER = [
    "It doesn't matter about the prize, {L.name}. We did it together!",
    "Next year, we'll be even better, {L.name}!",
    "That was the best day ever, {L.name}, prize or no prize!",
    "I'm so glad we didn't give up after that first practice, {L.name}.",
]
CONTEST_LESSONS = [
    "practice turns a disaster into a success, one try at a time",
    "doing your best matters more than winning",
    "a good tip and a lot of practice can fix almost anything",
    "the fun is in the trying, not only in the prize",
    "friends make every contest more fun",
]


def plot_contest(s):
    c = s.rng.choice(CONTESTS)
    setup(s, c["tags"], c.get("seasons", ("spring", "summer", "autumn")))
    s.vars.update(contest=c["name"], contest_cap=title_case(c["name"]))
    for key in ("goal", "fail", "twist", "save"):
        s.vars[key] = s.fill(c[key])
    s.vars["save_cap"] = s.vars["save"][0].upper() + s.vars["save"][1:]
    s.vars.update(rival1=s.pick(WORDS["any_name"]), rival2=s.pick(WORDS["any_name"]))
    paras = beginning(s)
    paras.append(s.para(s.t(CONTEST_NEWS), s.feel(s.A, "excited"),
                        s.talk(s.A, s.B, CONTEST_WANT, CONTEST_AGREE, "excited", "happy")))
    paras.append(s.para(s.t(CONTEST_PRACTICE_FAIL), s.feel(s.A, "sad"), s.say(s.A, s.B, CONTEST_WORRY, "sad")))
    tipper = s.C if s.chance(2, 3) else s.B
    s.vars["tipper"] = tipper.name
    paras.append(s.para(s.say(tipper, s.A, c["tip"], "kind"), s.t(CONTEST_PRACTICE_AGAIN)))
    paras.append(s.para(s.t(CONTEST_DAY), s.feel(s.A, "worried")))
    paras.append(s.para(s.t(CONTEST_TWIST), s.t(CONTEST_SAVE)))
    result = s.rng.choice(["win", "win", "second", "none"])
    paras.append(s.para(s.t(CONTEST_RESULT[result]), s.say(s.B, s.A, CONTEST_AFTER, "happy")))
    paras.append(ending(s, CONTEST_LESSONS, "proud" if result != "none" else "happy"))
    return s.t(CONTEST_TITLES), paras


# --- Plot 8: lost and found again -----------------------------------------------------

LOSTWAY_TITLES = [
    "Lost {at_place}", "{A.name} and {B.name} Find the Way", "The Way Back from {place}",
    "Which Way Home, {A.name}?", "{A.name} Lost and Found", "{A.name} Remembers the Way",
]
# Things that lead children away: a noun phrase and what it did.
LURES = [
    ("a butterfly with {color} wings", "fluttered from flower to flower, always just ahead", "butterfly"),
    ("a {bird}", "hopped and flew a little way, then waited, as if it wanted to be followed", "bird"),
    ("a runaway balloon", "bobbed along just above their heads, its string trailing", "balloon"),
    ("a tinkly tune", "drifted to them from somewhere, first this way, then that", "music"),
    ("a little dog with a {color} collar", "trotted off, looking back at them every few steps", "little dog"),
    ("a squirrel carrying a {snack}", "scampered ahead with its prize", "squirrel"),
    ("a trail of {color} paper arrows", "led on and on, round corners and past {feature}", "arrows"),
]
LOSTWAY_WANDER = [
    "{soon}, {A.name} spotted {lure}, which {lure_did}, and they followed it without thinking.",
    "\"Look!\" said {B.name}, pointing at {lure}, which {lure_did}, and off they went after it.",
    "While {C.name} was busy, {A.name} and {B.name} noticed {lure}, which {lure_did}, and they wandered after it.",
]
LOSTWAY_REALIZE = [
    "When {A.name} finally looked round, {C.name} was nowhere to be seen, and nothing looked familiar at all.",
    "{sudden}, they stopped. Where was {C.name}? Where was {feature}? Everything looked different.",
    "{A.name} and {B.name} had gone much further than they meant to, and when {A.name} turned in a slow circle, {A.they} knew they were lost.",
]
LOSTWAY_SCARED = [
    "{L.name}, where are we? I don't know this place!",
    "We're lost, {L.name}, really and truly lost!",
    "Which way did we come, {L.name}? Was it left or right?",
    "I want {C.name}!",
]
LOSTWAY_CALM = [
    "Don't panic, {L.name}. Let's think.",
    "We're not lost, {L.name}, we're just exploring a bit too far.",
    "It's all right, {L.name}. We'll find our way back.",
    "Hold my {S.hand}. As long as we're together, we're all right.",
]
LOSTWAY_TRY = [
    "They set off in the direction that felt right, but after a long walk they came to {feature} again: {A.name} and {B.name} had gone round in a circle!",
    "They shouted \"{C.name}!\" as loudly as they could, but their voices were lost among all the other sounds {at_place}.",
    "They followed a path that looked right, but it led to a dead end beside {spot_plain}.",
    "{B.name} was sure it was this way. It wasn't. They ended up by {feature}, even further away.",
]
LOSTWAY_IDEA_LINES = [
    "{C.name} always says: if you're lost, stay where you are, and someone will find you.",
    "Remember {feature}, {L.name}? If we can see it, we can find the way.",
    "Let's ask somebody kind to help us, like {C.name} told us to.",
    "We can follow the path back the way the {lure_short} led us, slowly this time.",
]
LOSTWAY_DO = {
    0: ["So {A.name} and {B.name} sat down on a bench, close together, and waited. {A.name} called out {C.name}'s name every few minutes, clearly and slowly.",
        "They stayed exactly where they were and called {C.name}'s name, taking turns, until their voices were hoarse."],
    1: ["They climbed up onto a big stone to look around, and there it was, far off: {landmark}, so {A.name} and {B.name} walked toward it, never taking their eyes off it.",
        "From a little rise, {B.name} spotted {landmark}, and keeping it in sight, they set off, step by careful step."],
    2: ["They went up to {helper_stranger}, who listened and smiled and helped them look.",
        "{A.name} bravely asked {helper_stranger} for help, and soon everybody was looking for {C.name} too."],
    3: ["They went back slowly, looking for every place they had passed: past {feature}, past the {texture} stone, past the {color} bench.",
        "They retraced every step, and this time they looked carefully at everything they passed."],
}
LOSTWAY_FOUND = [
    "{finally}, they heard a voice calling their names, and it was {C.name}, hurrying toward them with {C.their} arms wide open.",
    "And there, at last, was {C.name}, looking very worried and then very, very relieved.",
    "Round the next corner, they nearly bumped right into {C.name}, who swept them both up in a huge hug.",
]
LOSTWAY_HELPER = [
    "I was so worried about you both, {L.name}! But you did exactly the right thing.",
    "There you are! Next time, stay where you can see me, all right?",
    "Oh, thank goodness. You two gave me quite a fright, {L.name}!",
    "Well done for staying calm, {L.name}.",
]
LOSTWAY_LESSONS = [
    "if you get lost, it is best to stay calm and stay together",
    "it is good to notice landmarks, just in case",
    "asking for help is a brave and clever thing to do",
    "exciting things can lead you far from where you should be",
]
STRANGER_HELPERS = {
    "human": ["a woman selling {fruits}", "a man in a {color} uniform", "a kind lady with a pushchair",
              "a ranger in a wide hat", "a guard with a walkie-talkie", "a grandmother feeding the pigeons"],
    "animal": ["a wise old tortoise", "a friendly family of ducks", "a hare who knew every path",
               "a busy beaver", "a kind old heron"],
}


def plot_lostway(s):
    setup(s, ["wild", "crowd"])
    lure, did, short = s.rng.choice(LURES)
    lure = s.fill(lure)
    s.vars.update(lure=lure, lure_did=s.fill(did), lure_short=short,
                  landmark=s.fill("{feature}"), spot_plain=s.fill(s.rng.choice(["a wall", "a high fence", "a thick hedge", "a locked gate"])),
                  helper_stranger=s.fill(s.rng.choice(STRANGER_HELPERS[s.world])))
    paras = beginning(s)
    if not s.c_present:
        paras.append(s.para(s.fill("{C.name} had come along too, and told them to stay close.")))
    paras.append(s.para(s.t(LOSTWAY_WANDER), s.t(LOSTWAY_REALIZE), s.feel(s.A, "scared")))
    paras.append(s.para(s.talk(s.A, s.B, LOSTWAY_SCARED, LOSTWAY_CALM, "worried", "kind")))
    paras.append(s.para(s.t(LOSTWAY_TRY), s.feel(s.B, "worried"), s.say(s.A, s.B, GIVE_UP, "sad")))
    way = s.rng.below(4)
    paras.append(s.para(s.t(IDEA, P=s.A), s.say(s.A, s.B, LOSTWAY_IDEA_LINES[way], "plain"),
                        s.t(LOSTWAY_DO[way])))
    paras.append(s.para(s.t(LOSTWAY_FOUND), s.say(s.C, s.A, LOSTWAY_HELPER, "kind"), s.feel(s.A, "relieved")))
    paras.append(ending(s, LOSTWAY_LESSONS))
    return s.t(LOSTWAY_TITLES), paras


# --- Plot 9: a creature in trouble -----------------------------------------------------

# who: the creature; trouble: what is wrong; notice: how they find it; try: a
# first try that fails; tip: the gentle way; save: how it is saved; after:
# what happens next.
RESCUES = [
    dict(tags=["the park", "the garden", "the forest", "the orchard"], who="kitten",
         notice="a thin, high mewing coming from above",
         trouble="a little kitten was stuck high up in a {tree}, clinging to a branch",
         fail="{A.name} stretched up as high as {A.they} could, but the kitten was much too high to reach",
         tip="Kittens can climb down by themselves, if they feel safe, {L.name}. Let's give it a path.",
         save="{C.name} leaned a long plank against the trunk, and they put a saucer of milk at the bottom, and {A.name} watched as the kitten crept slowly, carefully down the plank",
         after="the kitten's owner, a girl from across the road, came running and hugged it tight"),
    dict(tags=["the forest", "the park", "the garden", "the meadow"], who="baby bird",
         notice="a tiny cheep, cheep, cheep from the grass",
         trouble="a baby bird had fallen out of its nest and was sitting on the ground, all fluff and beak",
         fail="{A.name} tried to scoop it up, but it hopped away in a panic, cheeping even louder",
         tip="Its parents are close by, and they'll keep feeding it, {L.name}. We just need to put it somewhere safe.",
         save="they made a little nest from a basket lined with soft grass and hung it on a low branch, right by the old nest, and soon {A.name} saw the mother bird swoop down with a worm",
         after="they checked every day, until the baby bird grew strong and flew away"),
    dict(tags=["water", "the park"], who="duckling",
         notice="a lonely peeping sound from the reeds",
         trouble="a duckling had lost its mother and was paddling round and round in circles",
         fail="{B.name} tried to chase it toward the other ducks, but it only swam further into the reeds",
         tip="Don't chase it, {L.name}. Stay low and quiet, and let its mother call it.",
         save="they crouched down and waited until the mother duck came back, quacking loudly, and {A.name} watched the duckling shoot out of the reeds to join her",
         after="the whole duck family paddled past them in a neat little line, as if to say thank you"),
    dict(tags=["the garden", "the farm", "the park"], who="hedgehog",
         notice="a rustling and a puffing from the bottom of the hedge",
         trouble="a hedgehog had got tangled in an old garden net and could not get out",
         fail="{A.name} tried to pull the net off, but the hedgehog curled into a tight prickly ball, and the net only tangled more",
         tip="We'll need gloves and scissors, and we must be very gentle, {L.name}. Hedgehogs are easily frightened.",
         save="with thick gardening gloves and a small pair of scissors, {C.name} snipped the net away, one strand at a time, until the hedgehog was free",
         after="they cleared away all the old netting, so no other animal would get stuck"),
    dict(tags=["grow", "the meadow", "the park"], who="bumblebee",
         notice="a very slow, very tired buzzing near their feet",
         trouble="a big bumblebee was lying on the path, too tired to fly",
         fail="{B.name} tried to nudge it onto a leaf, but it just sat there, its wings drooping",
         tip="Tired bees need a sugary drink, {L.name}. Just a little sugar and water, on a spoon.",
         save="they mixed a drop of sugar with a drop of water and put the spoon beside the bee, and {A.name} watched it drink and drink until, with a loud buzz, it flew away",
         after="they planted {flowers} so that tired bees would always have somewhere to stop for a drink"),
    dict(tags=["the kitchen", "the classroom", "the library", "the attic", "the greenhouse", "the barn",
               "the museum", "the bakery"], who="butterfly",
         notice="a soft flutter-flutter-tap against the window",
         trouble="a butterfly was trapped inside, beating its wings against the glass",
         fail="{A.name} tried to catch it in {A.their} {A.hands}, but it flapped away in fright",
         tip="Butterfly wings are as delicate as dust, {L.name}. So we mustn't touch them, but we can use a glass and a card.",
         save="they slid a glass over the butterfly, then a card underneath, very slowly, and carried it to the open door",
         after="the butterfly rested on a flower for a moment, opened its wings wide, and flew away into the sunshine"),
    dict(tags=["water"], who="fish",
         notice="a flip-flop-flip sound from a shrinking puddle",
         trouble="a little fish was stuck in a puddle that was drying up in the sun",
         fail="{A.name} tried to catch it with {A.their} {A.hands}, but it was far too slippery",
         tip="Use the bucket, {L.name}. Scoop it up with plenty of water, and don't squeeze.",
         save="they scooped the fish up in a bucket full of water and carried it, carefully, to the deep water",
         after="the fish flicked its tail once and was gone, a flash of silver in the deep water"),
    dict(tags=["the garden", "the pond", "the farm"], who="frog",
         notice="a sad croaking from an old bucket",
         trouble="a frog had jumped into a bucket of rainwater and could not climb the slippery sides",
         fail="{B.name} tipped the bucket a little, but the frog slid back down every time",
         tip="Give it a ladder, {L.name}. A frog just needs something rough to climb.",
         save="they leaned a stick inside the bucket like a ramp, and {B.name} cheered as the frog climbed up it, sat on the rim and jumped down into the grass",
         after="they left a stick in every bucket in the garden, just in case"),
    dict(tags=["the farm", "the meadow", "the hill"], who="lamb",
         notice="a loud, worried bleating from the hedge",
         trouble="a little lamb had pushed its head through a gap in the fence and could not pull it back",
         fail="{A.name} tried to push the lamb's head back through, but the lamb wriggled and bleated even louder",
         tip="We need a grown-up for this, {L.name}. And we must keep the lamb calm.",
         save="{B.name} ran for {C.name}, who gently turned the lamb's head just so, and slid it free",
         after="the lamb galloped back to its mother and started drinking milk as if nothing had happened"),
    dict(tags=["beach", "the harbor"], world="human", who="seal pup",
         notice="a sad honking from the rocks", trouble="a seal pup was tangled up in an old fishing net on the sand",
         fail="{A.name} wanted to pull the net off, but the pup showed its teeth and snapped",
         tip="Wild animals can be dangerous when they are frightened, {L.name}. We must call the people who know how to help.",
         save="{C.name} called the animal rescue team, and they came quickly with special tools and cut the pup free",
         after="the seal pup wriggled down the beach and splashed into the waves, and everybody cheered"),
    dict(tags=["the park", "the market", "the town square", "the train station"], who="puppy",
         notice="a small whimper from under a bench", trouble="a lost puppy was shivering under a bench, all alone",
         fail="{B.name} held out {B.their} {B.hand}, but the puppy backed away, trembling",
         tip="Let it come to you, {L.name}. And look, it's got a little tag on its collar.",
         save="they sat quietly until the puppy crept out, and then {C.name} read the number on its tag and made a phone call",
         after="a boy came running to fetch his puppy, so happy that he cried a little, and the puppy licked his face all over"),
    dict(tags=["outdoor"], who="beetle",
         notice="a tiny scrabbling sound", trouble="a shiny beetle was stuck on its back, waving its legs in the air",
         fail="{A.name} tried to flip it over with a twig, but it rolled the wrong way",
         tip="Just hold out a leaf, {L.name}. It will grab on by itself.",
         save="{A.name} held out a leaf, and the beetle grabbed it with all six legs and flipped itself over",
         after="the beetle trundled off into the grass, very busy, as if it was late for something"),
]
RESCUE_TITLES = [
    "{A.name} and the {who}", "The Little {who}", "Saving the {who}", "A Friend in Need {at_place}",
    "{A.name} Helps a {who}", "The {who} Who Needed Help", "Gently Does It, {A.name}",
]
RESCUE_NOTICE = [
    "{soon}, they heard {notice}.",
    "{A.name} stopped. \"Listen!\" {A.they} whispered. There it was again: {notice}.",
    "{B.name} heard it first: {notice}.",
    "Just as they were about to go home, {A.name} heard {notice}.",
]
RESCUE_SEE = [
    "They went to look, and there it was: {trouble}.",
    "They tiptoed closer and saw that {trouble}.",
    "{A.name} peered round and gasped. {trouble_cap}.",
]
RESCUE_WORRY = [
    "Oh, the poor little {who}! We have to help it, {L.name}!",
    "It looks so frightened, {L.name}. What shall we do?",
    "We can't just leave it, {L.name}.",
    "Quick, {L.name}! That {who} needs our help!",
]
RESCUE_AGREE = [
    "You're right, {L.name}. But we'll need to be careful.",
    "Let's help it, {L.name}. But gently.",
    "I'll help, {L.name}. We'll think of something.",
]
RESCUE_FAIL = [
    "{fail}.",
    "First, {fail}.",
    "Without stopping to think, {fail}.",
]
RESCUE_TIP_INTRO = [
    "{C.name} came over to see what was happening.",
    "{B.name} ran to fetch {C.name}, who came at once.",
    "Luckily, {C.name} was close by and heard them.",
]
RESCUE_SAVE = [
    "So they did it that way: {save}.",
    "It took a long time, and a lot of patience, but {save}.",
    "{A.name} and {B.name} did exactly that, and {save}.",
]
RESCUE_AFTER = [
    "Afterward, {after}.",
    "And later, {after}.",
    "Best of all, {after}.",
]
RESCUE_LESSONS = [
    "being gentle is sometimes the strongest thing you can do",
    "even the smallest creature deserves help",
    "it is wise to ask a grown-up when a job is too big",
    "patience helps more than hurrying",
    "kindness makes the whole world a little warmer",
]


def plot_rescue(s):
    r = s.rng.choice(RESCUES)
    setup(s, r["tags"], world=r.get("world"))
    s.vars["who"] = r["who"]
    for key in ("notice", "trouble", "fail", "save", "after"):
        s.vars[key] = s.fill(r[key])
    s.vars["trouble_cap"] = s.vars["trouble"][0].upper() + s.vars["trouble"][1:]
    s.vars["save_cap"] = s.vars["save"][0].upper() + s.vars["save"][1:]
    paras = beginning(s, helper_along=True)
    paras.append(s.para(s.t(RESCUE_NOTICE), s.t(RESCUE_SEE), s.feel(s.A, "worried")))
    paras.append(s.para(s.talk(s.A, s.B, RESCUE_WORRY, RESCUE_AGREE, "worried", "plain")))
    paras.append(s.para(s.t(RESCUE_FAIL), s.feel(s.A, "sad")))
    paras.append(s.para(s.t(RESCUE_TIP_INTRO), s.say(s.C, s.A, r["tip"], "kind")))
    paras.append(s.para(s.t(RESCUE_SAVE), s.feel(s.A, "relieved")))
    paras.append(s.para(s.t(RESCUE_AFTER), s.feel(s.A, "happy")))
    paras.append(ending(s, RESCUE_LESSONS, "proud"))
    return s.t(RESCUE_TITLES), paras


# --- Plot 10: growing something ------------------------------------------------------

# seed: what is planted; plant: what grows; mistake: what goes wrong; fix: the
# advice; sprout: the first sign; end: how it turns out.
PLANTS = [
    dict(seed="sunflower seeds",
         plant="sunflowers",
         mistake="watered them so much that the pot turned into a muddy swamp",
         fix="Seeds need a drink, not a bath, {L.name}. Just a little water, and plenty of sun.",
         sprout="two round green leaves, like a tiny pair of hands",
         end="the sunflowers grew taller than {A.name}, taller than {C.name}, and turned their big golden faces to the sun"),
    dict(seed="bean seeds", plant="beans", mistake="dug one seed up every morning to see if it had started growing",
         fix="If you keep digging it up, it can never put down roots, {L.name}. Leave it alone and trust it.",
         sprout="a pale curly shoot, like a question mark, pushing up through the soil",
         end="the beans climbed up their poles like green ladders, and soon there were long pods to pick"),
    dict(seed="pumpkin seeds", plant="pumpkins", mistake="forgot to water them for a whole hot week",
         fix="Plants are like us, {L.name}. They get thirsty. Let's make a chart to remember.",
         sprout="a fat green shoot with two thick leaves",
         end="a pumpkin grew so big and round that it took both of them to lift it"),
    dict(seed="tomato seeds", plant="tomatoes", mistake="put the pot in a dark cupboard to keep it safe",
         fix="Seeds need light to grow, just like you need breakfast, {L.name}.",
         sprout="a tiny green shoot that smelled of tomatoes when you touched it",
         end="the plant was covered in little red tomatoes, sweet and warm from the sun"),
    dict(seed="strawberry seeds",
         plant="strawberries",
         mistake="sprinkled them on top of the soil, where the birds could see them, and the birds ate half of them",
         fix="Seeds need to be tucked in, {L.name}. A little blanket of soil keeps them safe from hungry birds.",
         sprout="new leaves, and then tiny white flowers with yellow middles",
         end="the flowers turned into strawberries, first green, then white, then red and juicy"),
    dict(seed="pea seeds", plant="peas", mistake="dug them up and planted them again, much deeper, to keep them warm",
         fix="A seed has only a little bit of strength, {L.name}. Plant it just a finger deep.",
         sprout="a row of little green loops poking up like tiny elbows",
         end="the pea pods got fat and full, and they ate the sweet peas straight from the pods"),
    dict(seed="carrot seeds",
         plant="carrots",
         mistake="kept poking the soil with a stick to see if anything was happening",
         fix="Carrots grow in the dark, underground, where you can't see, {L.name}. You have to be patient.",
         sprout="a line of feathery green tops",
         end="they pulled up carrots as long as {A.name}'s hand, some of them funny shapes, one with two legs"),
    dict(seed="marigold seeds",
         plant="marigolds",
         mistake="put the pot outside on a frosty night to give the seeds some fresh air",
         fix="These little ones like warm soil, {L.name}. Let's wait until the frosts are over.",
         sprout="a row of tiny green shoots", end="the marigolds bloomed bright orange, like a row of little suns"),
    dict(seed="radish seeds",
         plant="radishes",
         mistake="sprinkled a whole extra packet of seeds on top, just to make sure",
         fix="Each seed needs a little space of its own, like children at a picnic, {L.name}.",
         sprout="a crowd of little heart-shaped leaves", end="they pulled up round pink radishes, crunchy and peppery"),
]
GROW_TITLES = [
    "{A.name}'s {plant}", "The Seed That Took Its Time in {town}", "Growing {plant}", "{A.name} Grows {plant}",
    "Waiting for the {plant}", "A Garden for {A.name}",
]
GROW_START = [
    "{C.name} gave {A.name} a little paper packet, and inside were {seed}.",
    "{A.name} had saved up for a packet of {seed}, and today was planting day.",
    "At the {shop}, {A.name} and {B.name} bought {seed}, with a picture of {plant} on the front.",
    "{A.name} had been given {seed} for {A.their} birthday, and {A.they} could not wait to plant them.",
]
GROW_PLANT = [
    "They filled a pot with soil, made a little hole with a finger, and dropped in the {seed}.",
    "{A.name} and {B.name} dug a small bed {at_place}, raked it smooth and planted the {seed} in a neat row.",
    "{A.name} planted the {seed} very carefully, patted the soil down and gave them a drink of water.",
]
GROW_WAIT = [
    "Then they waited, and {A.name} checked the next morning, and again at lunchtime, but there was still nothing to see.",
    "Every day {A.name} ran to look, and every day there was nothing but brown soil.",
    "A day went by, and then {number_word} more, and not a single green thing appeared.",
    "They waited for {number_word} whole days, which felt like whole years.",
]
GROW_IMPATIENT = [
    "Why isn't it growing, {L.name}? I've been waiting forever!",
    "Maybe the {seed} are broken, {L.name}. Maybe they'll never grow at all.",
    "I want {plant} now, not in a hundred years!",
    "It's taking too long, {L.name}. Seeds are boring!",
]
GROW_MISTAKE = [
    "So {A.name} decided to help: {A.they} {mistake}, but that only made things worse.",
    "{A.name} wanted to hurry the seeds along, so {A.they} {mistake}, which was not a good idea at all.",
    "But then {A.name} had an idea that was not a good one: {A.they} {mistake}.",
]
GROW_ADVICE_INTRO = [
    "{C.name} came out to see how the {plant} were getting on, and saw at once what had happened.",
    "{C.name} looked at the pot and then at {A.name}, and smiled a slow, kind smile.",
    "When {C.name} heard what had happened, {C.they} sat down next to {A.name}.",
]
GROW_PATIENCE = [
    "So {A.name} did as {C.name} said and waited, which was the hardest thing {A.they} had ever done.",
    "{A.name} tried very hard to be patient. {A.They} sang to the seeds, and read them a story about {book_topic}.",
    "Every day, {A.name} gave them a little water and a lot of sunshine, and then left them alone.",
]
GROW_SPROUT = [
    "And then one morning, there it was: {sprout}!",
    "{finally}, {A.name} saw something new in the soil: {sprout}.",
    "One {weekday}, {B.name} came running and pulled {A.name} outside to see {sprout}.",
]
GROW_HAPPY = [
    "It's growing! It's really growing, {L.name}!",
    "Look at it, {L.name}! It's the most beautiful thing I've ever seen!",
    "Hello, little plant! Welcome to the world!",
    "We did it, {L.name}, or the seeds did, with a little help from us!",
]
GROW_END = [
    "By the end of the summer, {end}.",
    "Weeks went by, and {end}.",
    "Slowly, slowly, {end}.",
]
GROW_LESSONS = [
    "good things take time, and you cannot hurry a seed",
    "patience is a kind of magic",
    "the best way to help something grow is to give it what it needs and then wait",
    "even a tiny seed holds something wonderful",
]


def plot_grow(s):
    p = s.rng.choice(PLANTS)
    setup(s, ["grow", "home"], seasons=("spring", "summer"))
    for key in ("seed", "plant", "mistake", "sprout", "end"):
        s.vars[key] = s.fill(p[key])
    paras = beginning(s)
    paras.append(s.para(s.t(GROW_START), s.t(GROW_PLANT), s.feel(s.A, "excited")))
    paras.append(s.para(s.t(GROW_WAIT), s.say(s.A, s.B, GROW_IMPATIENT, "cross")))
    paras.append(s.para(s.t(GROW_MISTAKE), s.feel(s.A, "sad")))
    paras.append(s.para(s.t(GROW_ADVICE_INTRO), s.say(s.C, s.A, p["fix"], "kind")))
    paras.append(s.para(s.t(GROW_PATIENCE), s.t(GROW_SPROUT), s.say(s.A, s.B, GROW_HAPPY, "excited")))
    paras.append(s.para(s.t(GROW_END), s.feel(s.A, "proud")))
    paras.append(ending(s, GROW_LESSONS))
    return s.t(GROW_TITLES), paras


# --- Plot 11: a present for someone special -------------------------------------------

# plan: what they make; fail: what goes wrong; rescue: the new idea; result:
# what the present becomes in the end.
GIFTS = [
    dict(plan="bake a {cake}",
         tags=["bake", "home"], fail="the {cake} came out of the oven with a big crater in the middle",
         rescue="they filled the crater with {fruits} and cream and called it a volcano cake", result="volcano cake"),
    dict(plan="knit a {color} scarf",
         tags=["home", "make"], fail="the scarf came out full of holes and only as long as a sock",
         rescue="they sewed up one end and turned it into a cozy for {C.their} teapot", result="teapot cozy"),
    dict(plan="paint a picture of {place}",
         tags=["outdoor", "home"], fail="a sudden shower of rain made all the colors run together",
         rescue="they added {color} flowers wherever the paint had run, and it looked like a magical garden",
         result="painting"),
    dict(plan="pick a big bunch of {flowers}",
         tags=["grow", "outdoor"], fail="the first flowers began to droop and wilt in the hot sun",
         rescue="they dug up one small plant with its roots and planted it in a pot, so it would never droop",
         result="flower in a pot"),
    dict(plan="make a card covered in glitter",
         tags=["home", "make", "school"], fail="the glitter pot tipped over, and glitter went everywhere, even in {B.name}'s ears",
         rescue="they used the spilled glitter to make the sky on the card sparkle like stars", result="sparkly card"),
    dict(plan="thread a necklace of {color} beads",
         tags=["home", "make", "school"], fail="the string snapped and half the beads rolled away in every direction",
         rescue="they used the beads they had left to make a bracelet instead", result="bracelet"),
    dict(plan="make a crown of {flowers}",
         tags=["grow", "outdoor"], fail="the flowers kept slipping out of the crown and falling on the ground",
         rescue="they wove the stems together more tightly and tied it all up with a {color} ribbon",
         result="flower crown"),
    dict(plan="build a birdhouse",
         tags=["make", "home", "outdoor"], fail="the birdhouse came out crooked, with a roof that sloped the wrong way",
         rescue="they painted it {color} and called it the Leaning Tower of Birds", result="birdhouse"),
    dict(plan="make a clay mug", tags=["make", "home"], fail="a long crack appeared in the mug as it dried",
         rescue="they filled it with soil and planted a little herb in it, so the crack didn't matter at all",
         result="herb pot"),
    dict(plan="make a book of drawings",
         tags=["quiet", "home", "school"], fail="{pet_or_wind} scattered the pages all over the floor",
         rescue="they stapled the pages together in a new order, and it turned into a funny story",
         result="picture book"),
]
GIFT_TITLES = [
    "A Present for {C.name}", "{A.name}'s Surprise", "The Best Present in {town}", "A Surprise for {C.name}",
    "{C.name}'s Birthday", "The {result_title}",
]
GIFT_WHY = [
    "It was nearly {C.name}'s birthday, and {A.name} wanted to make {C.them} something special.",
    "{C.name} had been feeling poorly, and {A.name} wanted to make {C.them} a present to cheer {C.them} up.",
    "Next {weekday} was a special day: it was {C.name}'s birthday, and {A.name} had a secret plan.",
    "{A.name} wanted to say thank you to {C.name} for all the {food} {C.they} had cooked for {A.them}.",
]
GIFT_PLAN = [
    "Let's {plan}! {C.name} is going to love it!",
    "I know, {L.name}! We could {plan}!",
    "What if we {plan}? It has to be a surprise, {L.name}.",
]
GIFT_AGREE = [
    "Yes! But we mustn't tell {C.name}, {L.name}. It's top secret.",
    "That's a wonderful idea, {L.name}! Let's start now.",
    "I'll help, {L.name}! I'm very good at secrets.",
]
GIFT_WORK = [
    "They worked all {daypart}, whispering so {C.name} wouldn't hear.",
    "They hid {at_place} and got to work, with {B.name} keeping watch.",
    "{A.name} and {B.name} collected everything they needed and got busy, giggling and shushing each other.",
]
GIFT_FAIL = [
    "But {fail}.",
    "Then disaster struck: {fail}.",
    "It was nearly finished when {fail}.",
]
GIFT_DESPAIR = [
    "It's ruined, {L.name}! And the surprise is tomorrow!",
    "Now we've got nothing to give, {L.name}!",
    "All that work, {L.name}, and it's spoiled!",
    "We'll never make anything good enough in time!",
]
GIFT_RESCUE = [
    "{B.name} looked at the mess for a long time, and then started to grin, and in the end {rescue}.",
    "{A.name} thought hard; maybe it wasn't ruined, just different. In the end, {rescue}.",
    "\"Wait, I've got it!\" said {B.name}. And so {rescue}.",
]
GIFT_GIVE = [
    "On the day, they gave {C.name} the {result}, wrapped in {wrapping}.",
    "When {C.name} came in, they jumped out and shouted \"Surprise!\" and held out the {result}.",
    "They put the {result} on the table, with a card that said 'For {C.name}, with love', and waited.",
]
WORDS["wrapping"] = ["brown paper and string", "an old newspaper", "a {pattern} tea towel",
                     "tissue paper", "a page from a comic", "leaves tied with grass"]
GIFT_REACT = [
    "This is the most wonderful present anyone has ever given me, {L.name}!",
    "Did you make this yourselves, {L.name}? Oh, it's perfect!",
    "I shall keep it forever and ever, {L.name}.",
    "Well! I have never had a present like this in all my life!",
]
GIFT_CONFESS = [
    "It didn't come out the way we planned, {L.name}.",
    "It went a bit wrong, {L.name}, but we fixed it!",
    "It's not what we meant to make, {L.name}. It's better!",
]
GIFT_LESSONS = [
    "the best presents come from the heart, not from the shop",
    "a mistake can turn into something even better",
    "making someone happy is a present for you too",
    "what matters most is the love you put into a gift",
]


def plot_gift(s):
    g = s.rng.choice(GIFTS)
    setup(s, g["tags"])
    s.vars["pet_or_wind"] = s.pet.name if s.pet else "a gust of wind"
    s.vars.update(plan=s.fill(g["plan"]), fail=s.fill(g["fail"]), rescue=s.fill(g["rescue"]),
                  result=g["result"], result_title=title_case(g["result"]))
    paras = beginning(s)
    paras.append(s.para(s.t(GIFT_WHY), s.talk(s.A, s.B, GIFT_PLAN, GIFT_AGREE, "excited", "happy")))
    paras.append(s.para(s.t(GIFT_WORK), s.t(GIFT_FAIL), s.feel(s.A, "sad")))
    paras.append(s.para(s.say(s.A, s.B, GIFT_DESPAIR, "sad"), s.say(s.B, s.A, ENCOURAGE, "kind")))
    paras.append(s.para(s.t(GIFT_RESCUE), s.feel(s.A, "relieved")))
    paras.append(s.para(s.t(GIFT_GIVE), s.say(s.A, s.C, GIFT_CONFESS, "worried"),
                        s.say(s.C, s.A, GIFT_REACT, "happy")))
    paras.append(ending(s, GIFT_LESSONS))
    return s.t(GIFT_TITLES), paras


# --- Plot 12: learning something new ----------------------------------------------------

# skill: what to learn (after "learn to"); fail1, fail2: two tries going wrong;
# tip: advice; practice: what practicing looks like; success: doing it at last.
SKILLS = [
    dict(skill="ride a bicycle", tags=["the park", "the school playground", "the town square"],
         fail1="{A.name} wobbled, wobbled, wobbled, and tipped over into a bush",
         fail2="{A.name} pedaled three times and then crashed into {feature}",
         tip="Look ahead, where you want to go, not down at your feet, {L.name}. And keep pedaling!",
         practice="{B.name} held the back of the saddle and ran alongside, puffing",
         success="{A.name} looked straight ahead and pedaled, and didn't notice that {B.name} had let go, and that {A.they} {A.was} riding all by {A.themself}"),
    dict(skill="swim", tags=["pool", "the lake", "the beach"],
         fail1="{A.name} kicked and splashed and sank, and came up spluttering",
         fail2="{A.name} swallowed a big mouthful of water and had to stop, coughing",
         tip="Don't fight the water, {L.name}. Stretch out long and flat, and let it hold you up.",
         practice="{A.name} practiced floating like a starfish, then kicking while holding a float",
         success="{A.name} swam ten whole strokes, all by {A.themself}, with nobody holding on"),
    dict(skill="whistle", tags=["outdoor", "indoor"],
         fail1="{A.name} blew and blew, but only air came out, like a tired balloon",
         fail2="{A.name} made a noise like a leaky kettle, and {B.name} giggled",
         tip="Make your lips small and round, as if you're blowing on hot soup, {L.name}. Then blow very gently.",
         practice="{A.name} practiced in the bath, in bed, and even with a mouthful of {snack}",
         success="out came a real whistle, high and clear, like a {bird}"),
    dict(skill="tie shoelaces", tags=["indoor", "home", "school"],
         fail1="the laces ended up in a knot like a bowl of spaghetti",
         fail2="{A.name} tied a beautiful bow, but it was round {A.their} finger instead of the shoe",
         tip="Make two bunny ears, cross them over, and pull one through the hole, {L.name}.",
         practice="{A.name} practiced on {A.their} own shoes, {B.name}'s shoes, and even {C.name}'s boots",
         success="{A.name} tied two bunny-ear bows, pulled them tight, and they stayed"),
    dict(skill="juggle", tags=["outdoor", "indoor"],
         fail1="the balls flew off in three directions, and one bounced off {B.name}'s head",
         fail2="{A.name} dropped every single ball, one after another, plop, plop, plop",
         tip="Start with just one ball, {L.name}. Throw it from hand to hand. Then try two.",
         practice="{A.name} practiced with one ball, then with two, then with three rolled-up socks",
         success="{A.name} kept all three balls in the air, round and round, while {B.name} counted to {number_word}"),
    dict(skill="skip with a rope", tags=["the school playground", "the park", "the garden"],
         fail1="the rope caught on {A.name}'s feet and nearly tripped {A.them} up",
         fail2="the rope got tangled round {A.name}'s legs like a hungry snake",
         tip="Small jumps, not big ones, {L.name}. And turn the rope with your wrists, not your whole arms.",
         practice="{A.name} jumped over a rope lying still on the ground, then a rope {B.name} swung slowly",
         success="{A.name} skipped {big_number} times without stopping, while {B.name} cheered"),
    dict(skill="do a cartwheel", tags=["the meadow", "the park", "the beach", "the garden"],
         fail1="{A.name} landed on {A.their} bottom in a heap",
         fail2="{A.name} went over sideways and rolled into the grass like a log",
         tip="Put one hand down, then the other, and let your legs follow like the spokes of a wheel, {L.name}.",
         practice="{A.name} practiced putting {A.their} hands down and kicking {A.their} legs up, a little higher each time",
         success="{A.name}'s legs swung up and over, and {A.they} landed on {A.their} feet: a real cartwheel"),
    dict(skill="fly a kite", tags=["windy", "the meadow", "the beach"],
         fail1="the kite nose-dived and crashed into the grass",
         fail2="the kite string got tangled around {A.name} until {A.they} looked like a parcel",
         tip="Stand with your back to the wind, let the kite go, and give a little tug when it dips, {L.name}.",
         practice="{A.name} practiced letting the string out slowly, then pulling gently",
         success="the kite leaped up into the sky and danced there, high above {place}"),
    dict(skill="skate on the ice", tags=["the lake", "the pond", "the park"], seasons=["winter"],
         fail1="{A.name}'s feet shot out from under {A.them}, and {A.they} sat down with a bump",
         fail2="{A.name} clung to the side and could not let go",
         tip="Bend your knees a little, and push with one foot, then the other, like a penguin, {L.name}.",
         practice="{A.name} practiced pushing and gliding, holding {B.name}'s {B.hand}",
         success="{A.name} glided all the way across the ice, arms out like wings"),
    dict(skill="play a tune on the {instrument}", tags=["indoor", "home", "school"],
         fail1="the {instrument} made a noise like a goose with a cold",
         fail2="{A.name} played so fast that all the notes fell over each other",
         tip="Play it slowly first, slower than a snail, {L.name}. Speed comes later.",
         practice="{A.name} practiced every evening, slowly, slowly, one note at a time",
         success="{A.name} played the whole tune from beginning to end, and it sounded just like music"),
    dict(skill="row a boat", tags=["the lake", "the pond", "the riverbank"],
         fail1="the boat went round and round in circles",
         fail2="one oar slipped and splashed water all over {B.name}",
         tip="Pull both oars together, at the same time, like two arms giving a hug, {L.name}.",
         practice="{A.name} practiced pulling together, counting 'one, two, one, two' out loud",
         success="the little boat slid across the water in a straight line, all the way to {feature}"),
    dict(skill="bake bread", tags=["bake"],
         fail1="the loaf came out as flat and hard as a doorstep",
         fail2="the dough was so sticky that it glued {A.name}'s fingers together",
         tip="Knead it longer, and then let it rest somewhere warm, {L.name}. Bread needs time to grow.",
         practice="{A.name} pushed and folded and turned the dough until {A.their} arms ached",
         success="the loaf came out golden and tall, and it smelled of every good thing"),
]
SKILL_TITLES = [
    "{A.name} Learns to {skill}", "How {A.name} Learned to {skill}", "Practice Makes Progress for {A.name}",
    "{A.name} Tries Again", "Never Give Up, {A.name}", "Learning to {skill}",
]
SKILL_WANT = [
    "All the other children could {skill}, and {A.name} wanted to learn more than anything.",
    "{A.name} had made up {A.their} mind: today {A.they} would learn to {skill}.",
    "{B.name} could {skill} already, and {A.name} wanted to {skill} too.",
    "For weeks, {A.name} had been dreaming about being able to {skill}.",
]
SKILL_TRY1 = [
    "{A.name} tried for the first time. {fail1_cap}.",
    "The first try did not go well: {fail1}.",
    "\"Here goes!\" said {A.name}. But {fail1}.",
]
SKILL_TRY2 = [
    "{A.name} tried again. This time {fail2}.",
    "The second try was even worse: {fail2}.",
    "So {A.name} tried once more, and {fail2}.",
]
SKILL_ANNOYED = [
    "I'll never be able to {skill}! Never, ever!",
    "Everyone else can {skill}, {L.name}. Why can't I?",
    "I'm just no good at it, {L.name}.",
    "This is impossible, {L.name}. Completely impossible!",
]
SKILL_TIPPER = [
    "{C.name}, who had been watching, came over.",
    "{C.name} sat down next to {A.name}. \"Shall I tell you a secret, {A.name}?\" {C.they} asked.",
    "{B.name} had an idea. \"My {relative} taught me a trick,\" {B.they} said.",
]
SKILL_PRACTICE = [
    "From then on, {practice}.",
    "Every day after that, {practice}.",
    "For a whole week, {practice}, again and again.",
    "{practice_cap}, day after day.",
]
SKILL_SUCCESS = [
    "Then one {weekday}, it happened: {success}.",
    "{finally}, {success}!",
    "And then, all of a sudden, {success}.",
]
SKILL_CHEER = [
    "You did it, {L.name}! You really did it!",
    "Look at you go, {L.name}!",
    "I told you you could, {L.name}!",
    "That was amazing, {L.name}! Do it again!",
]
SKILL_LESSONS = [
    "practice makes progress, a little bit every day",
    "everybody is a beginner at the start",
    "falling down is just part of learning",
    "a good tip and lots of tries can teach you almost anything",
    "the things we learn slowly are the things we keep",
]


def plot_skill(s):
    k = s.rng.choice(SKILLS)
    setup(s, k["tags"], k.get("seasons", ("spring", "summer", "autumn", "winter")))
    s.vars["instrument"] = s.pick(WORDS["instrument"])
    for key in ("skill", "fail1", "fail2", "practice", "success"):
        s.vars[key] = s.fill(k[key])
    for key in ("fail1", "practice"):
        s.vars[key + "_cap"] = s.vars[key][0].upper() + s.vars[key][1:]
    paras = beginning(s, helper_along=True)
    paras.append(s.para(s.t(SKILL_WANT), s.feel(s.A, "excited")))
    paras.append(s.para(s.t(SKILL_TRY1), s.t(SKILL_TRY2), s.feel(s.A, "cross")))
    paras.append(s.para(s.say(s.A, s.B, SKILL_ANNOYED, "cross"), s.say(s.B, s.A, ENCOURAGE, "kind")))
    tip_intro = s.pick(SKILL_TIPPER)
    tipper = s.B if "{B.name} had an idea" in tip_intro else s.C
    paras.append(s.para(s.fill(tip_intro), s.say(tipper, s.A, k["tip"], "kind")))
    paras.append(s.para(s.t(SKILL_PRACTICE), s.t(SKILL_SUCCESS)))
    paras.append(s.para(s.say(s.B, s.A, SKILL_CHEER, "excited"), s.feel(s.A, "proud")))
    paras.append(ending(s, SKILL_LESSONS, "proud"))
    return s.t(SKILL_TITLES), paras


# ---------------------------------------------------------------------------
# 8. Every slot a template names has a filler: checked when the file loads
# ---------------------------------------------------------------------------

def slot_names(text):
    """The names a template's {slots} start with: "{A.name} met {friend}" gives A and friend."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field]
    except ValueError:   # a lone brace: not a template
        return set()
    return {re.split(r"[.\[]", field)[0] for field in fields}


def filler_names(tree):
    """Every name a slot can be filled from: word lists, places, plot tables, story variables, extras."""
    names = set(WORDS) | {key for place in PLACES for key in place}
    for value in globals().values():   # plot tables: lists of dicts whose entries become story variables
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            keys = {key for item in value for key in item}
            names |= keys | {key + "_cap" for key in keys}
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "vars":
            if isinstance(node.slice, ast.Constant):
                names.add(node.slice.value)          # s.vars["town"] = ...
        elif isinstance(node, ast.Call):
            names |= {keyword.arg for keyword in node.keywords if keyword.arg}   # s.fill(t, P=...), vars.update
    return names


def check_templates(path=__file__):
    """Raise if any template names a slot nothing fills (instead of failing when that template is drawn)."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    known = filler_names(tree)
    unknown = sorted((node.lineno, name) for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                     for name in slot_names(node.value) - known)
    if unknown:
        listed = ", ".join("{" + name + "} (line %d)" % line for line, name in unknown)
        raise ValueError("Templates name slots that no word list, place or story variable fills: " + listed)


check_templates()


# ---------------------------------------------------------------------------
# 9. Putting it all together
# ---------------------------------------------------------------------------

PLOTS = [
    plot_lost, plot_broken, plot_storm, plot_fear, plot_quarrel, plot_mystery,
    plot_contest, plot_lostway, plot_rescue, plot_grow, plot_gift, plot_skill,
]


class StoryMaker:
    """Holds what is shared between stories: the random numbers and the decks."""

    def __init__(self, seed):
        self.rng = SplitMix64(seed)
        self.dealer = Dealer(self.rng)

    def story(self):
        """One complete story as text: a title, an empty line, the paragraphs."""
        s = Story(self)
        plot = self.dealer.deal(PLOTS)
        title, paragraphs = plot(s)
        return title_case(s.fill(title)) + "\n\n" + "\n\n".join(paragraphs)


def generate(seed=SEED, target_bytes=TARGET_BYTES):
    """All the stories, joined by the separator, until about target_bytes."""
    maker = StoryMaker(seed)
    stories, size = [], 0
    while size < target_bytes:
        story = maker.story()
        stories.append(story)
        size += len(story) + len(SEPARATOR)
    return SEPARATOR.join(stories) + "\n"


def main(argv=None):
    return command_line(argv, __doc__.splitlines()[0], generate, SEED, OUTPUT_PATH,
                        lambda text: "wrote %d bytes, %d stories, to %s" % (
                            len(text.encode("utf-8")), text.count(SEPARATOR) + 1, os.path.normpath(OUTPUT_PATH)))


if __name__ == "__main__":
    sys.exit(main())
