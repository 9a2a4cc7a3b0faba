"""The fixed list of 256 short, distinct English words Haven shows to people: one word per
byte. Device pairing shows a transcript hash with it (haven.sync.handshake); invite codes are
read aloud with it (haven.core.spaces.invite_code).

Changing this list changes what users compare and type, so it is part of the protocol
(version 1). It lives in the core so that both the core and the sync layer can use it.
"""

from __future__ import annotations

WORDS: tuple[str, ...] = (
    "acorn", "actor", "agent", "alarm", "album", "alley", "amber", "angle", "apple", "apron",
    "arch", "arrow", "aspen", "atlas", "attic", "award", "bacon", "badge", "baker", "bamboo",
    "banjo", "barn", "basil", "beach", "beard", "bench", "berry", "bison", "blade", "bloom",
    "board", "bonus", "book", "bottle", "brave", "bread", "brick", "bridge", "brook", "brush",
    "bucket", "bugle", "cabin", "cable", "cactus", "camel", "canal", "candle", "canoe", "canyon",
    "cargo", "carrot", "castle", "cedar", "chalk", "cherry", "chess", "chief", "cider", "circle",
    "clay", "cliff", "cloud", "clover", "coast", "cobalt", "comet", "coral", "cotton", "cougar",
    "crane", "crayon", "creek", "crown", "cupid", "daisy", "dance", "delta", "denim", "desert",
    "diary", "dingo", "disco", "donkey", "dragon", "dream", "drum", "eagle", "easel", "echo",
    "elbow", "ember", "engine", "falcon", "fancy", "feather", "fern", "ferry", "fiddle", "field",
    "finch", "flame", "flint", "flute", "forest", "fossil", "fox", "frost", "galaxy", "garden",
    "garlic", "gecko", "ginger", "globe", "goose", "grape", "gravel", "guitar", "habit", "hammer",
    "harbor", "harp", "hazel", "heron", "hill", "honey", "hornet", "igloo", "indigo", "island",
    "ivory", "jacket", "jaguar", "jelly", "jewel", "jungle", "kayak", "kettle", "kitten", "koala",
    "ladder", "lagoon", "lake", "lantern", "lemon", "lilac", "lily", "linen", "lizard", "llama",
    "lotus", "lunar", "magnet", "mango", "maple", "marble", "meadow", "melon", "mint", "mirror",
    "mitten", "monkey", "moose", "mosaic", "moth", "muffin", "mural", "nectar", "needle", "nest",
    "noodle", "oasis", "ocean", "olive", "onion", "orange", "orbit", "orchid", "otter", "owl",
    "paddle", "panda", "paper", "parrot", "peach", "pebble", "pepper", "piano", "pillow", "pine",
    "planet", "plum", "pocket", "pony", "poppy", "puzzle", "quail", "quartz", "quill", "rabbit",
    "radar", "radio", "raven", "reef", "ribbon", "river", "robin", "rocket", "rose", "ruby",
    "saddle", "salmon", "sandal", "satin", "scarf", "shell", "silver", "sketch", "sled", "slope",
    "snail", "sonnet", "spice", "spider", "spruce", "squash", "star", "stone", "storm", "sugar",
    "summit", "sunset", "swan", "tablet", "tango", "teapot", "tiger", "timber", "toast", "tomato",
    "topaz", "torch", "tulip", "tunnel", "turtle", "valley", "velvet", "violin", "walnut",
    "walrus", "willow", "window", "winter", "wizard", "yarn", "zebra",
)

assert len(WORDS) == 256 and len(set(WORDS)) == 256
