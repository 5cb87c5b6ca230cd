"""Notebook 09's diagrams: measuring a model, the training loop, decoding, and an atomic save.

Hand-written support module (no notebook teaches it); drawn with the shapes of ``buildllm.diagrams``.
"""

from __future__ import annotations

from . import arrow, box, canvas, note


def draw_measuring():
    """From the logits at one position to cross-entropy, perplexity and bits per byte."""
    fig, ax = canvas(14.0, 3.6, title="Measuring a language model: how surprised is it by the right next token?")
    steps = [
        ("logits\n(one score per\ntoken type)", "data"),
        ("softmax\np = e^z / Σ e^z", "step"),
        ("p(right token)\ne.g. 0.2", "data"),
        ("-ln p\n(nats)", "step"),
        ("mean over\nall positions", "step"),
        ("cross-entropy\nloss L", "data"),
    ]
    w, h, gap, y = 1.75, 1.05, 0.55, 2.0
    centres = []
    for i, (text, kind) in enumerate(steps):
        centres.append(box(ax, 0.3 + i * (w + gap), y, w, h, text, kind=kind, fontsize=9.5))
    for left, right in zip(centres, centres[1:]):
        arrow(ax, (left[0] + w / 2, y + h / 2), (right[0] - w / 2, y + h / 2))
    loss_x = centres[-1][0]
    box(ax, loss_x - 4.6, 0.25, 2.3, 0.95, "perplexity = e^L\n(as unsure as a pick\namong e^L tokens)",
        kind="param", fontsize=9)
    box(ax, loss_x - 1.6, 0.25, 2.9, 0.95, "bits per byte =\nL x tokens / (bytes x ln 2)\n(fair across tokenizers)",
        kind="param", fontsize=9)
    arrow(ax, (loss_x - 0.3, y), (loss_x - 3.45, 1.2))
    arrow(ax, (loss_x, y), (loss_x - 0.15, 1.2))
    note(ax, 0.3, 0.55, "A model that knows nothing gives every token\np = 1/V: the loss is ln V, the perplexity V.",
         fontsize=9.5)
    return fig


def draw_training_loop():
    """One training step, and what happens every eval_every steps."""
    fig, ax = canvas(14.0, 4.6, title="The training loop: one step per batch, a check on unseen text now and then")
    y, w, h, gap = 2.8, 1.85, 1.0, 0.42
    steps = [
        ("random batch\n(B, T) inputs\n(B, T) targets", "data"),
        ("forward\nlogits (B, T, V)", "step"),
        ("loss\ncross-entropy", "data"),
        ("backward\ngradients", "step"),
        ("clip\n|gradient| <= 1", "step"),
        ("AdamW step\nlr from the\nschedule", "param"),
    ]
    centres = [box(ax, 0.3 + i * (w + gap), y, w, h, text, kind=kind, fontsize=9.5)
               for i, (text, kind) in enumerate(steps)]
    for left, right in zip(centres, centres[1:]):
        arrow(ax, (left[0] + w / 2, y + h / 2), (right[0] - w / 2, y + h / 2))
    arrow(ax, (centres[-1][0], y), (centres[0][0] + 0.3, y), label="next step", curve=-0.12)
    box(ax, 3.0, 0.3, 3.2, 0.9, "every eval_every steps:\nvalidation loss (unseen text)", kind="special", fontsize=9.5)
    box(ax, 7.0, 0.3, 3.0, 0.9, "optional: a checkpoint\n(model, optimizer, step, RNG)", kind="plain", fontsize=9.5)
    note(ax, 10.4, 0.55, "warmup + cosine: lr rises, then\ndecays; AdamW decays matrices only", fontsize=9)
    return fig


def draw_decoding():
    """The decoding pipeline of ``buildllm.generate.next_token``."""
    fig, ax = canvas(14.0, 3.0, title="Choosing the next token: each knob reshapes the distribution, then we sample")
    steps = [
        ("logits of the\nlast position", "data"),
        ("repetition\npenalty\n(seen tokens)", "step"),
        ("/ temperature\n(0 = greedy:\nargmax)", "step"),
        ("top-k\nkeep k best", "step"),
        ("top-p\nkeep the nucleus\n(mass >= p)", "step"),
        ("softmax,\nsample one id", "param"),
    ]
    w, h, gap, y = 1.85, 1.2, 0.42, 1.2
    centres = [box(ax, 0.3 + i * (w + gap), y, w, h, text, kind=kind, fontsize=9.5)
               for i, (text, kind) in enumerate(steps)]
    for left, right in zip(centres, centres[1:]):
        arrow(ax, (left[0] + w / 2, y + h / 2), (right[0] - w / 2, y + h / 2))
    note(ax, 0.3, 0.35, "A removed token gets the score -inf: probability exactly 0. The new id is appended and the "
         "model runs again.", fontsize=9.5)
    return fig


def draw_atomic_save():
    """Why a checkpoint is written to a temporary file and then renamed."""
    fig, ax = canvas(13.0, 3.4, title="An atomic save: write beside, then rename in one step")
    y, h = 1.9, 0.95
    box(ax, 0.3, y, 2.6, h, "checkpoint.pt\n(the old one)", kind="data", fontsize=9.5)
    box(ax, 3.9, y, 3.2, h, "torch.save into\n.checkpoint.pt.XXXX.part", kind="step", fontsize=9.5)
    box(ax, 8.1, y, 2.2, h, "os.replace\n(one step)", kind="step", fontsize=9.5)
    box(ax, 11.0, y, 1.8, h, "checkpoint.pt\n(the new one)", kind="param", fontsize=9.5)
    arrow(ax, (2.9, y + h / 2), (3.9, y + h / 2), label="save")
    arrow(ax, (7.1, y + h / 2), (8.1, y + h / 2))
    arrow(ax, (10.3, y + h / 2), (11.0, y + h / 2))
    box(ax, 3.9, 0.25, 3.2, 0.85, "crash, full disk, Ctrl-C:\ndelete the .part file", kind="special", fontsize=9.5)
    arrow(ax, (5.5, y), (5.5, 1.1))
    note(ax, 7.5, 0.5, "Either way, checkpoint.pt is always a whole file:\nthe old one or the new one.", fontsize=9.5)
    return fig
