"""A seeded generator of instruction-response pairs in the Alpaca form, about the course's world.

This file belongs to the open course "Build an LLM from Scratch". Running it
writes data/instructions/generated.json, which notebook 11 uses, next to the
hand-written entries in data/instructions/handwritten.json, to teach a small
GPT to follow instructions.

Licence: two parts, as data/manifest.json records. The entries it writes,
like the word lists and templates below, are data, written for the course and
released under the Creative Commons Attribution 4.0 licence (CC BY 4.0). The
Python code is under the course's licence for code (MIT). The passages it
quotes come from the course's hand-written stories (data/stories/handwritten),
which are under CC BY 4.0 too.

The file format
---------------
A JSON list of objects with the three Alpaca fields, "instruction", "input"
(may be "") and "output", and one more, "task", naming the kind of task.
Checkable tasks have one right answer that a program can compute, so notebook
11 scores them by exact match:

    arithmetic, counting, unit_conversion, plural, sorting, capitalisation,
    passage_qa (the answer is a name that stands in the given passage)

The others are scored by overlap with the reference answer (ROUGE-L):

    world_qa (questions about the stories' characters), completion (finish a
    sentence from a story), title (name a story from its opening)

How it works
------------
1. A tiny random number generator of our own (SplitMix64): the same numbers on
   every Python and every computer, so the file is reproducible byte for byte.
2. One maker per task. Each makes distinct problems: no sum, word, list,
   passage or sentence is used twice, so no problem can appear in two splits.
   Passages come from the hand-written stories; a story's opening paragraph
   is only used to ask for its title, and no paragraph is quoted twice. What
   data/instructions/handwritten.json asks or quotes is not asked or quoted
   again here.
3. The tasks take turns line by line. The split is made by
   buildllm.corpora.split_by_group per task type (entry k of a task goes to
   validation when k % 10 == 4, to test when k % 10 == 9), so every split has
   every task type.

Usage, from the repository root:
    python data/instructions/generator/generate_instructions.py          # (re)write generated.json
    python data/instructions/generator/generate_instructions.py --check  # exit 1 if the file differs

Or from Python: generate(seed=2028) returns the whole text as one string.
"""

import glob
import json
import os
import re
import sys

SEED = 2028
HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT_PATH = os.path.join(HERE, "..", "generated.json")
STORIES = os.path.join(HERE, "..", "..", "stories", "handwritten")
HANDWRITTEN = os.path.join(HERE, "..", "handwritten.json")

sys.path.insert(0, os.path.join(HERE, "..", ".."))  # data/: seeded_generator.py, shared by the course's generators
from seeded_generator import SplitMix64, command_line  # noqa: E402


def entry(task, instruction, output, input=""):
    return {"instruction": instruction, "input": input, "output": output, "task": task}


# ---------------------------------------------------------------------------
# Word lists and facts
# ---------------------------------------------------------------------------

NAMES = ["Grettel", "Priya", "Lupe", "Mei", "Kofi", "Hana", "Ivan", "Pim", "Ingrid", "Freya", "Amara", "Ravi",
         "Tessa", "Mateo", "Yusuf", "Sofia", "Ellie", "Kwame", "Bea", "Mila", "Noor", "Tenzin", "Lucas", "Rafael",
         "Aiko", "Nia", "Ilse", "Manu", "Tomas", "Lior", "Zainab", "Chidi", "Farah", "Elio", "Lucia", "Leif"]

COUNTABLE = ["bean seeds", "shells", "pebbles", "apples", "eggs", "marbles", "stickers", "acorns", "buttons",
             "crayons", "fish", "paper stars", "conkers", "biscuits", "feathers", "lemons", "books", "stamps"]

GIVERS = ["Auntie Leela", "Grandpa", "her friend", "his sister", "Mr. Haddad", "the librarian", "Granny Olga",
          "a kind neighbour", "Uncle Ayo", "the baker"]

# A pronoun for each name above, used as "gave {them} 3 more".
PRONOUNS = {"Grettel": "her", "Priya": "her", "Lupe": "her", "Mei": "her", "Kofi": "him", "Hana": "her",
            "Ivan": "him", "Pim": "him", "Ingrid": "her", "Freya": "her", "Amara": "her", "Ravi": "him",
            "Tessa": "her", "Mateo": "him", "Yusuf": "him", "Sofia": "her", "Ellie": "her", "Kwame": "him",
            "Bea": "her", "Mila": "her", "Noor": "her", "Tenzin": "him", "Lucas": "him", "Rafael": "him",
            "Aiko": "her", "Nia": "her", "Ilse": "her", "Manu": "him", "Tomas": "him", "Lior": "him",
            "Zainab": "her", "Chidi": "him", "Farah": "her", "Elio": "him", "Lucia": "her", "Leif": "him"}

WORDS = ["heron", "willow", "pond", "beetle", "otter", "lantern", "harbour", "meadow", "pebble", "rooster",
         "blanket", "kettle", "window", "garden", "tomato", "balloon", "ladder", "compass", "lighthouse",
         "puddle", "sunflower", "hedgehog", "library", "pancake", "mountain", "teapot", "whistle", "seashell",
         "caterpillar", "accordion", "telescope", "umbrella", "pumpkin", "dragonfly", "bakery", "sandcastle",
         "rainbow", "snowflake", "parrot", "canoe", "scarf", "feather", "biscuit", "butterfly", "elephant",
         "wheelbarrow", "chimney", "strawberry", "treasure", "kitten", "mitten", "saucepan", "violin", "hammock"]

LIST_ITEMS = ["apple", "heron", "kite", "pond", "otter", "bread", "candle", "daisy", "eagle", "fern", "goat",
              "hat", "island", "jam", "kettle", "lamp", "moss", "nest", "owl", "pear", "quilt", "river", "sock",
              "tulip", "umbrella", "vase", "wagon", "yarn", "zebra", "acorn", "boat", "cloud", "drum", "egg",
              "fox", "grape", "honey", "ink", "jelly", "kiwi", "lemon", "mouse", "nut", "onion", "plum", "rope"]

CONVERSIONS = [  # (small unit, big unit, how many small units make one big unit)
    ("centimetres", "metres", 100), ("millimetres", "centimetres", 10), ("grams", "kilograms", 1000),
    ("minutes", "hours", 60), ("seconds", "minutes", 60), ("hours", "days", 24), ("days", "weeks", 7),
    ("months", "years", 12), ("millilitres", "litres", 1000), ("metres", "kilometres", 1000),
    ("pence", "pounds", 100),
]

PLURALS = [
    ("cat", "cats"), ("box", "boxes"), ("fox", "foxes"), ("bus", "buses"), ("dish", "dishes"),
    ("bench", "benches"), ("baby", "babies"), ("berry", "berries"), ("pony", "ponies"), ("lily", "lilies"),
    ("story", "stories"), ("puppy", "puppies"), ("day", "days"), ("toy", "toys"), ("key", "keys"),
    ("monkey", "monkeys"), ("leaf", "leaves"), ("loaf", "loaves"), ("wolf", "wolves"), ("knife", "knives"),
    ("shelf", "shelves"), ("calf", "calves"), ("wife", "wives"), ("half", "halves"), ("mouse", "mice"),
    ("goose", "geese"), ("child", "children"), ("foot", "feet"), ("tooth", "teeth"), ("man", "men"),
    ("woman", "women"), ("person", "people"), ("ox", "oxen"), ("sheep", "sheep"), ("deer", "deer"),
    ("fish", "fish"), ("potato", "potatoes"), ("tomato", "tomatoes"), ("hero", "heroes"), ("echo", "echoes"),
    ("heron", "herons"), ("otter", "otters"), ("lantern", "lanterns"), ("kettle", "kettles"),
    ("church", "churches"), ("brush", "brushes"), ("glass", "glasses"), ("kiss", "kisses"), ("wish", "wishes"),
    ("watch", "watches"), ("torch", "torches"), ("fly", "flies"), ("city", "cities"), ("lady", "ladies"),
    ("party", "parties"), ("cherry", "cherries"), ("boy", "boys"), ("chimney", "chimneys"), ("tray", "trays"),
    ("bird", "birds"), ("frog", "frogs"), ("snail", "snails"), ("boat", "boats"), ("tree", "trees"),
    ("apple", "apples"), ("egg", "eggs"), ("moth", "moths"), ("goat", "goats"), ("hen", "hens"),
    ("lamb", "lambs"), ("seed", "seeds"), ("window", "windows"), ("cloud", "clouds"), ("stone", "stones"),
    ("kite", "kites"), ("bridge", "bridges"), ("garden", "gardens"), ("scarf", "scarves"), ("roof", "roofs"),
    ("chief", "chiefs"), ("thief", "thieves"), ("match", "matches"), ("fairy", "fairies"), ("valley", "valleys"),
]

# Characters of the hand-written stories: (name, who they are, a question about where they are, its answer,
# one more thing the story says). Every fact is told in the story's first paragraphs.
WORLD = [
    ("Grettel", "a gray heron with long yellow legs", "Where does Grettel live?",
     "At the edge of Willow Pond.",
     "Her neck bends like a question mark, and her beak is as sharp as a sewing needle."),
    ("Lupe", "a snail", "Where does Lupe live?",
     "Under a cool cabbage leaf at the bottom of a garden wall.",
     "The wall around her garden is tall, made of stone and covered in ivy."),
    ("Captain", "the rooster on Adaeze's farm", "When does Captain crow?",
     "Every morning, just as the sky turns the colour of a peach.",
     "Nobody on Adaeze's farm needs an alarm clock."),
    ("Pim", "a small gray moth with feathery antennae", "Where does Pim live?",
     "In a meadow full of evening primroses.", "His wings are the colour of dust."),
    ("Hazel", "a hedgehog", "What does Hazel do when the last leaves fall?",
     "She gets ready for her long winter sleep.", "She lives among the hazel bushes."),
    ("Pickles", "a small white goat", "Where does Pickles live?", "On Ingrid's family farm.",
     "Ingrid's family also has two cows, eleven hens and a cranky old donkey."),
    ("Rat-a-tat", "a young woodpecker", "Where does Rat-a-tat live?",
     "In a beech wood at the edge of the hills.",
     "Everybody calls him Rat-a-tat because he drums so much."),
    ("Mila", "a girl who lives in a lighthouse", "Who does Mila live with?", "With her grandmother Ines.",
     "The big lamp sits at the very top of her lighthouse."),
    ("Zahra", "an old camel", "Who rides on Zahra?", "Yusuf, the first time he crosses the desert.",
     "The sand she walks on is orange in the morning and gold at noon."),
    ("Tenzin", "a boy from a stone village high in the mountains", "What colour are the doors in Tenzin's village?",
     "Blue. Every house has a blue door.", "The snow stays on the peaks above his village all year."),
    ("Sprocket", "a helper robot with one round head", "Where does Sprocket live?",
     "With the Haddad family, in a yellow house at the end of Juniper Street.",
     "He tells his own story."),
    ("Clover", "a small green robot", "Where does Clover work?",
     "In the community garden on Maple Row.", "Clover has four legs like a table and a long neck like a desk lamp."),
    ("Pip", "a small computer with a round screen and a friendly voice", "Where is Pip?",
     "In Ms. Nakamura's classroom, beside the fish tank.", "The class gave Pip its name."),
    ("Lior", "the only kid on Moon Base Selene", "How old is Lior?", "Eight and a half.",
     "His mom is the base doctor."),
    ("Porridge", "a small, scruffy brown dog", "Who wanted a dog like Porridge?",
     "Ingrid. She had wanted a dog for as long as she could remember.",
     "He came to Ingrid's family from the rescue centre."),
    ("Noodle", "a small dog with scruffy brown fur", "Who is Noodle's boy?", "Gabriel, who is nine.",
     "His tail never stops wagging."),
    ("Hamlet", "the class hamster", "What colour is Hamlet?", "Golden brown, with a white patch on his chest.",
     "One pupil takes him home for half-term."),
    ("Rosa Delgado", "a firefighter", "Where does Rosa Delgado work?", "At the fire station on Juniper Street.",
     "She has been a firefighter there for six years."),
    ("Wendell Brooks", "a bus driver", "What does Wendell Brooks like?", "The rain.",
     "He hums along to the swish of the windscreen wipers."),
    ("Esperanza Ruiz", "the gardener of Linden Park", "What does Esperanza Ruiz wear?",
     "Green overalls.",
     "She knows every plant in the park by name."),
    ("Master Wen", "an old lantern maker", "Where is Master Wen's workshop?",
     "On a wooden pier above the water, in the river town of Lunby.",
     "His workshop is full of bamboo sticks, pots of glue and sheets of paper."),
    ("Oskar", "a blacksmith", "Where is Oskar's forge?",
     "In the village of Harrowby, at the bottom of a green hill.",
     "His forge has a red door."),
    ("Agnes", "a clever old miller", "Where is Agnes's mill?", "At Greywater, beside a rushing stream.",
     "Her mill's big wooden wheel turns day and night."),
    ("Elio", "a shepherd boy", "Where does Elio sit to count his sheep?",
     "On a rock high on the mountain, where the air smells of thyme.",
     "He counts his sheep every morning and every evening."),
    ("Queen Rosalind", "an old queen who is ninety-one", "Where does Queen Rosalind live?",
     "At the very top of the tower of Castle Thistlecombe.", "She is as sharp as a needle."),
    ("Amara Okafor", "a baker", "Where is Amara Okafor's bakery?", "On Cobble Lane.",
     "She ties on a flour-dusted apron and switches on the big black oven."),
    ("Fatima", "a woman who mends broken things", "What does Fatima fix?",
     "Clocks, radios, lamps, toasters and almost everything else.",
     "Her shop is at the end of Copper Street."),
    ("Noa", "a grandmother who has fished for forty years", "Where does Noa fish?", "In Gull Harbor.",
     "Her grandson Keoni stays with her every summer."),
    ("Dalia Haddon", "a puppeteer", "When does Dalia Haddon bring her puppet theatre to Willow Square?",
     "Every Sunday at two o'clock.", "Her puppet theatre is a red-and-gold box on wheels."),
    ("Mrs. Farah Siddiqui", "the librarian of Elm Hollow",
     "Where do the children sit at Mrs. Farah Siddiqui's Story Hour?",
     "On the round green rug in the corner of the town library.",
     "She reads to the children from a tall purple chair."),
    ("Grandpa Hiro", "Aiko's grandfather", "How big is the basket of Grandpa Hiro's balloon?",
     "Big enough for four people.", "His balloon looks like a giant piece of candy."),
    ("Uncle Ayo", "a boatman on a wide brown river", "What does Uncle Ayo's boat carry?",
     "Everything: rice, pineapples, bicycles, chickens, and sometimes a goat.",
     "His long, flat boat is painted sky blue."),
    ("Maelle", "the newest apprentice of the wizard Corvin", "Where is the wizard Corvin when Maelle is alone?",
     "At the market, buying bat-wing buttons and a new pair of socks.",
     "The wizard told her to sweep the workshop before he left."),
    ("Bartholomew", "a fat green frog", "Where does Bartholomew live?", "At Willow Pond.",
     "He once laughed so hard that he fell off his lily pad."),
    ("Mabel", "a painted turtle", "Where does Mabel live?", "At Willow Pond.",
     "She likes sunning herself on a log."),
]

WORLD_QUESTIONS = [  # (question, how the answer is made from a WORLD row); a row's own question comes second
    ("Who is {name}?", lambda name, who, question, answer, fact: f"{name} is {who}."),
    ("{question}", lambda name, who, question, answer, fact: answer),
    ("Tell me one thing about {name}.", lambda name, who, question, answer, fact: fact),
]


# ---------------------------------------------------------------------------
# The stories: paragraphs, sentences, titles
# ---------------------------------------------------------------------------


def read_stories():
    """The hand-written stories as (title, [paragraphs]), in file order."""
    stories = []
    for path in sorted(glob.glob(os.path.join(STORIES, "*.txt"))):
        with open(path, encoding="utf-8", newline="\n") as f:
            for story in f.read().split("\n<|endoftext|>\n"):
                title, *paragraphs = [p for p in story.strip("\n").split("\n\n") if p.strip()]
                stories.append((title.strip(), [p.strip() for p in paragraphs]))
    return stories


SENTENCE_END = re.compile(r"(?<=[.!?])(?<!Mr\.)(?<!Mrs\.)(?<!Ms\.)(?<!Dr\.)\s+")
"""Where a sentence ends: after . ! or ? and white space, but not after a title such as "Mr."."""
SAID = re.compile(r'"([A-Z][^"]{12,70}?)([,!?])" (said|asked|whispered|called|cried|shouted|replied) '
                  r'((?:(?:Mr|Mrs|Ms|Dr)\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)\.')
NAMED = re.compile(r"\b(?:a|an) ((?:[a-z]+ ){0,3}[a-z]+) named ([A-Z][a-z]+)(?=[.,;!? ])(?! [A-Z])")


# ---------------------------------------------------------------------------
# One maker per task: each yields entries, never the same problem twice
# ---------------------------------------------------------------------------


def arithmetic(rng, count):
    seen = set()
    while len(seen) < count:
        kind = rng.below(6)
        a, b = rng.randint(2, 60), rng.randint(2, 40)
        if kind in (1, 4) and a < b:
            a, b = b, a
        if kind in (2, 5):
            a, b = rng.randint(2, 12), rng.randint(2, 12)
        op = "+-*"[kind % 3]
        if (a, op, b) in seen or a == b:
            continue
        seen.add((a, op, b))
        answer = str(a + b if op == "+" else a - b if op == "-" else a * b)
        if kind < 3:
            word = {"+": "plus", "-": "minus", "*": "times"}[op]
            yield entry("arithmetic", f"What is {a} {word} {b}?", answer)
            continue
        name, things = rng.choice(NAMES), rng.choice(COUNTABLE)
        if op == "+":
            giver = rng.choice(GIVERS)
            story = f"{name} had {a} {things}. {giver[0].upper() + giver[1:]} gave {PRONOUNS[name]} {b} more."
            question = f"How many {things} does {name} have now? Answer with a number."
        elif op == "-":
            story = f"{name} had {a} {things} and gave {b} away."
            question = f"How many {things} does {name} have left? Answer with a number."
        else:
            story = f"{name} has {a} bags with {b} {things} in each."
            question = f"How many {things} does {name} have in all? Answer with a number."
        yield entry("arithmetic", question, answer, story)


def counting(rng, count, sentences):
    seen = set()
    while len(seen) < count:
        kind = rng.below(4)
        if kind == 0:
            word = rng.choice(WORDS)
            letter = rng.choice(sorted(set(word)))
            key = (kind, word, letter)
            made = entry("counting", f'How many times does the letter "{letter}" appear in the word "{word}"?',
                         str(word.count(letter)))
        elif kind == 1:
            word = rng.choice(WORDS)
            key = (kind, word)
            made = entry("counting", f'How many vowels (a, e, i, o, u) are in the word "{word}"?',
                         str(sum(word.count(v) for v in "aeiou")))
        elif kind == 2:
            items = rng.sample(LIST_ITEMS, rng.randint(3, 8))
            key = (kind, frozenset(items))
            made = entry("counting", "How many things are in this list?", str(len(items)), ", ".join(items))
        else:
            sentence = sentences[rng.below(len(sentences))]
            key = (kind, sentence)
            made = entry("counting", "How many words are in this sentence?", str(len(sentence.split())), sentence)
        if key not in seen:
            seen.add(key)
            yield made


def unit_conversion(rng, count):
    seen = set()
    while len(seen) < count:
        small, big, factor = rng.choice(CONVERSIONS)
        n = rng.randint(2, 9)
        key = (small, big, n)
        if key in seen:
            continue
        seen.add(key)
        if rng.below(2):
            yield entry("unit_conversion", f"How many {small} are in {n} {big}?", str(n * factor))
        else:
            yield entry("unit_conversion", f"How many {big} are {n * factor} {small}?", str(n))


def plural(rng, count):
    for singular, plural_form in rng.sample(PLURALS, count):
        instruction = rng.choice(['What is the plural of "{}"?', 'Write the plural of the word "{}".',
                                  'Give the plural form of "{}".'])
        yield entry("plural", instruction.format(singular), plural_form)


def sorting(rng, count):
    seen = set()
    while len(seen) < count:
        kind = rng.below(3)
        if kind == 0:
            items = rng.sample(LIST_ITEMS, rng.randint(3, 6))
            key = frozenset(items)
            instruction, answer = "Sort these words into alphabetical order.", sorted(items)
        else:
            numbers = rng.sample(list(range(1, 100)), rng.randint(3, 6))
            key = (kind, frozenset(numbers))
            largest_first = kind == 2
            instruction = "Sort these numbers from " + ("largest to smallest." if largest_first
                                                        else "smallest to largest.")
            answer = [str(n) for n in sorted(numbers, reverse=largest_first)]
            items = [str(n) for n in numbers]
        if key not in seen:
            seen.add(key)
            yield entry("sorting", instruction, ", ".join(answer), ", ".join(items))


def capitalisation(rng, count, titles, sentences):
    seen = set()
    while len(seen) < count:
        kind = rng.below(4)
        if kind == 0:
            text = rng.choice(WORDS)
            made = entry("capitalisation", "Write this word in capital letters.", text.upper(), text)
        elif kind == 1:
            text = rng.choice(titles).lower()
            title = " ".join(word[0].upper() + word[1:] for word in text.split())
            made = entry("capitalisation", "Write this title with a capital letter at the start of every word.",
                         title, text)
        elif kind == 2:
            text = rng.choice(sentences)
            made = entry("capitalisation", "Write this sentence in lower case.", text.lower(), text.upper())
        else:
            text = rng.choice(sentences)
            made = entry("capitalisation", "Start this sentence with a capital letter.", text,
                         text[0].lower() + text[1:])
        if made["input"] not in seen:
            seen.add(made["input"])
            yield made


def passages(stories):
    """Paragraphs after each story's opening, a short one joined to the paragraph before it for context."""
    for _, paragraphs in stories:
        for before, paragraph in zip(paragraphs[1:], paragraphs[2:]):
            parts = (paragraph,) if len(paragraph) >= 200 else (before, paragraph)
            if len("\n\n".join(parts)) <= 700:
                yield parts


def passage_questions(passages):
    """Who said a line, or what someone is called: the answer is a name in the passage.

    One question per passage, and no paragraph in two passages, so no two questions share any text."""
    used, named_before = set(), set()
    for parts in passages:
        paragraph = "\n\n".join(parts)
        if used.intersection(parts):
            continue
        said = [m for m in SAID.finditer(paragraph) if paragraph.count(m.group(1)) == 1]
        named = list(NAMED.finditer(paragraph))
        if not said and not (named and named[0].groups() not in named_before):
            continue
        used.update(parts)
        if said:
            quote, mark, verb, name = said[0].groups()
            verb = "asked" if verb == "asked" else "said"
            line = quote + ("?" if mark == "?" else "!" if mark == "!" else "")
            yield entry("passage_qa", f'Read the passage. Name the character who {verb} "{line}"', name, paragraph)
        else:
            what, name = named[0].groups()
            named_before.add((what, name))
            yield entry("passage_qa", f"Read the passage. What is the name of the {what}? Answer with a name.",
                        name, paragraph)


def world_qa(asked_by_hand):
    for row in WORLD:
        for question, answer in WORLD_QUESTIONS:
            asked = question.format(name=row[0], question=row[2])
            if asked not in asked_by_hand:
                yield entry("world_qa", asked, answer(*row))


def completions(rng, count, paragraphs):
    """Finish a sentence from a story: it is cut before ", and" or ", but"."""
    cut = re.compile(r"^([A-Z][^\"]{15,90}?), (and|but) ([^\"]{8,80}[.!])$")
    candidates = [m for paragraph in paragraphs for sentence in re.split(SENTENCE_END, paragraph)
                  if (m := cut.match(sentence))]
    for m in rng.sample(candidates, min(count, len(candidates))):
        yield entry("completion", "Finish this sentence from a story.", f"{m.group(2)} {m.group(3)}",
                    f"{m.group(1)},")


def titles(stories, quoted_by_hand):
    for title, paragraphs in stories:
        opening = paragraphs[0]
        if 60 <= len(opening) <= 500 and not any(text[:60] in opening for text in quoted_by_hand):
            yield entry("title", "Give this story a title. Here is how it begins.", title, opening)


# ---------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------

COUNTS = {"arithmetic": 120, "counting": 90, "unit_conversion": 80, "plural": 80, "sorting": 80,
          "capitalisation": 80, "completion": 200}


def generate(seed=SEED):
    """The whole file: every task's entries, the tasks taking turns, as JSON text."""
    rng = SplitMix64(seed)
    stories = read_stories()
    with open(HANDWRITTEN, encoding="utf-8") as f:
        by_hand = json.load(f)   # what the hand-written entries ask and quote is not asked or quoted again
    asked_by_hand = {entry["instruction"] for entry in by_hand}
    quoted_by_hand = [entry["input"] for entry in by_hand if entry["input"]]
    # A story's opening is the title task's input; questions and sentences come from the paragraphs after it.
    later = [p for _, paragraphs in stories for p in paragraphs[1:] if len(p) <= 700]
    asked = list(passage_questions(passages(stories)))
    quoted = "\n\n".join(entry["input"] for entry in asked)
    rest = [p for p in later if p not in quoted]   # sentences come from paragraphs no question quotes
    sentences = sorted({s for p in rest for s in re.split(SENTENCE_END, p)
                        if re.fullmatch(r"[A-Z][a-z ,']{15,70}\.", s)})
    title_list = sorted({title for title, _ in stories if re.fullmatch(r"[A-Za-z' ]+", title)})
    tasks = [
        list(arithmetic(rng, COUNTS["arithmetic"])),
        list(counting(rng, COUNTS["counting"], sentences)),
        list(unit_conversion(rng, COUNTS["unit_conversion"])),
        list(plural(rng, COUNTS["plural"])),
        list(sorting(rng, COUNTS["sorting"])),
        list(capitalisation(rng, COUNTS["capitalisation"], title_list, sentences)),
        asked,
        list(world_qa(asked_by_hand)),
        list(completions(rng, COUNTS["completion"], rest)),
        list(titles(stories, quoted_by_hand)),
    ]
    entries = [task[i] for i in range(max(map(len, tasks))) for task in tasks if i < len(task)]
    return json.dumps(entries, indent=1, ensure_ascii=False) + "\n"


def main(argv=None):
    return command_line(argv, __doc__.splitlines()[0], generate, SEED, OUTPUT_PATH,
                        lambda text: f"wrote {len(json.loads(text))} entries to {os.path.normpath(OUTPUT_PATH)}")


if __name__ == "__main__":
    sys.exit(main())
