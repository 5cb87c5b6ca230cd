"""What the course's three data generators share: SplitMix64 random numbers and their command line.

The story, message and instruction generators (data/*/generator/) each import this file from data/. Python's
`random` may change between versions; SplitMix64 is integer arithmetic masked to 64 bits, so a seed gives the same
numbers on every Python and every computer, and each generated file is reproducible byte for byte.

Licence: code, under the course's licence for code (MIT).
"""

import argparse

MASK64 = (1 << 64) - 1


class SplitMix64:
    """SplitMix64, a small and well-known 64-bit random number generator. No floats anywhere."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next_u64(self):
        """The next raw 64-bit number."""
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        """A whole number from 0 to n - 1, every one equally likely.

        Plain `r % n` would favour small numbers a tiny bit, so the few raw numbers above the largest multiple of n
        are thrown away (rejection).
        """
        if n <= 0:
            raise ValueError("below() needs a positive n")
        limit = (1 << 64) - ((1 << 64) % n)
        while True:
            r = self.next_u64()
            if r < limit:
                return r % n

    def randint(self, low, high):
        """A whole number from low to high, both included."""
        return low + self.below(high - low + 1)

    def chance(self, numerator, denominator):
        """True with probability numerator / denominator."""
        return self.below(denominator) < numerator

    def choice(self, items):
        """One item of a list or tuple."""
        return items[self.below(len(items))]

    def shuffle(self, items):
        """Shuffle a list in place (Fisher-Yates)."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]

    def sample(self, items, k):
        """k different items, in random order (a partial Fisher-Yates shuffle of a copy)."""
        pool = list(items)
        for i in range(k):
            j = i + self.below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


def command_line(argv, description, generate, seed, output_path, summary):
    """A generator's command line: write ``generate(seed)`` to ``output_path``, or with --check only compare.

    ``summary(text)`` says what was written ("wrote 1,800 messages ..."). Returns the exit status: 1 when --check
    finds the file differs from the generator's output.
    """
    name = output_path.replace("\\", "/").rsplit("/", 1)[-1]
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help=f"regenerate in memory and exit 1 if {name} differs")
    parser.add_argument("--seed", type=int, default=seed)
    args = parser.parse_args(argv)
    text = generate(args.seed)
    if args.check:
        try:
            with open(output_path, encoding="utf-8", newline="\n") as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        print(f"{name} is up to date" if same else f"{name} differs from the generator's output")
        return 0 if same else 1
    with open(output_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(summary(text))
    return 0
