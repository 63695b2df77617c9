#!/usr/bin/env python3
"""Parity fixtures for the Swift Unigram tokenizer (issue 4). Run from the repository root:

    python tools/make_tokenizer_fixtures.py            # writes Tests/Fixtures/tokenizer/*

Needs: sentencepiece, tokenizers, transformers, protobuf (no torch). Deterministic from SEED.

What it writes (all committed; CI needs neither Python nor network):
  corpus.txt            product-like training text (unicode, digits, units, brand names), also used by the
                        Swift trainer test, so both vocabularies learn from the same text.
  t5.tokenizer.json     a sentencepiece Unigram model (vocab 8000, byte_fallback, nmt_nfkc charsmap) converted
                        by transformers' T5Tokenizer, i.e. shaped as T5 writes it: Precompiled normalizer,
                        WhitespaceSplit + Metaspace(always, split) pre-tokenizer, <extra_id_N> sentinels,
                        TemplateProcessing "$A </s>". byte_fallback is set from the sentencepiece model.
  spm.tokenizer.json    the same training, normalization rule "identity" (no charsmap, keeps the fixture small),
                        through the generic converter (SpmConverter.build_tokenizer_from_spm_proto):
                        Precompiled + Replace regexes normalizer, Metaspace(first, no split), ByteFallback decoder.
  strings.json          >= 2,000 test strings (empty, whitespace-only, very long, accented, CJK, emoji, units...).
  <name>.expected.json  HF tokenizers' ids (with </s> as the post-processor adds it) and decode (skip special)
                        for every test string, for each tokenizer file above, and for the Swift-trained one
                        (swift.tokenizer.json, written by `idgenrec-bench train-tokenizer`, see below) when present.
  atomic.expected.json  ids for strings with added atomic tokens (<c_3>, <item_1042>) on t5.tokenizer.json.

Swift-trained fixture: `swift run -c release idgenrec-bench train-tokenizer Tests/Fixtures/tokenizer/corpus.txt
Tests/Fixtures/tokenizer/swift.tokenizer.json` then re-run this script; it loads that file with HF tokenizers and
records HF's ids for it (the Swift test asserts ours equal them).
"""
import base64
import json
import os
import random
import sys
import tempfile

import sentencepiece as spm
from tokenizers import AddedToken, Tokenizer

SEED = 20240611
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "tokenizer")

BRANDS = ["L'Oréal", "Neutrogena", "Maybelline", "CeraVe", "Olay", "Clinique", "Lancôme", "Estée Lauder", "NARS",
          "Shiseido", "資生堂", "SK-II", "Innisfree", "이니스프리", "Laneige", "Bioderma", "La Roche-Posay", "Nivea",
          "Dove", "Garnier", "Revlon", "Burt's Bees", "Aveeno", "Cetaphil", "Kiehl's", "MAC", "Benefit", "Sephora",
          "Yves Saint Laurent", "Dior", "Chanel N°5", "Guerlain", "Caudalie", "Weleda", "Björk & Berries", "Søstrene",
          "Nuxe", "Avène", "Vichy", "Eucerin", "The Ordinary", "Glossier", "Fenty Beauty", "Huda Beauty", "Anastasia",
          "Too Faced", "Urban Decay", "Tarte", "e.l.f.", "NYX", "Rimmel", "Bourjois", "KIKO Milano", "Essie", "OPI"]
NOUNS = ["shampoo", "conditioner", "serum", "moisturizer", "cleanser", "toner", "mask", "lipstick", "mascara",
         "eyeliner", "foundation", "concealer", "primer", "blush", "bronzer", "highlighter", "palette", "brush",
         "sponge", "nail polish", "perfume", "eau de parfum", "eau de toilette", "body lotion", "hand cream",
         "sunscreen", "lip balm", "dry shampoo", "hair oil", "face wash", "exfoliator", "night cream", "eye cream",
         "setting spray", "makeup remover", "cotton pads", "hair dryer", "curling iron", "razor", "deodorant"]
ADJS = ["hydrating", "matte", "waterproof", "long-lasting", "oil-free", "fragrance-free", "vegan", "organic",
        "anti-aging", "brightening", "nourishing", "volumizing", "sheer", "glossy", "non-comedogenic", "gentle",
        "ultra-light", "intense", "natural", "professional", "travel size", "limited edition", "sensitive-skin",
        "crème", "naïve", "soufflé", "jalapeño", "für", "über", "très", "açaí", "piña", "rosé", "déjà"]
UNITS = ["fl oz", "fl. oz.", "oz", "ml", "mL", "g", "kg", "lb", "cm", "mm", "%", "pcs", "count", "SPF", "°C", "µm",
         "㎖", "ｍｌ", "½ oz", "x"]
CATS = ["Beauty", "Skin Care", "Hair Care", "Makeup", "Fragrance", "Nails", "Tools & Accessories", "Bath & Body",
        "Men's Grooming", "Face", "Eyes", "Lips", "Sets", "美容", "スキンケア", "化妆品", "メイク"]
EMOJI = ["✨", "💄", "💅", "🌸", "🧴", "👍", "❤️", "🔥", "😍", "🇫🇷", "👩🏽", "👨‍👩‍👧", "☀️", "🌿"]
SYLL = ["ka", "lo", "mi", "ra", "ve", "zu", "ne", "ti", "sa", "po", "qu", "xi", "el", "an", "or", "is", "um",
        "be", "ch", "sh", "th", "ph", "gl", "tr", "st", "br", "cr", "fl", "pr", "dr", "ou", "ae", "ie", "oo"]


def fake_word(rng):
    return "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 4)))


def number(rng):
    r = rng.random()
    if r < 0.3:
        return str(rng.randint(1, 500))
    if r < 0.6:
        return f"{rng.randint(0, 20)}.{rng.randint(0, 99)}"
    if r < 0.8:
        return f"{rng.randint(0, 9)},{rng.randint(0, 999):03d}"
    return rng.choice(["0.5", "1/2", "3-pack", "2x", "100%", "24h", "12", "Ⅲ", "½", "¾", "２５", "①"])


def product_line(rng, words):
    parts = [rng.choice(BRANDS)]
    for _ in range(rng.randint(0, 3)):
        parts.append(rng.choice(ADJS))
    if rng.random() < 0.5:
        parts.append(rng.choice(words).capitalize())
    parts.append(rng.choice(NOUNS))
    sep = "" if rng.random() < 0.4 else " "
    parts.append(number(rng) + sep + rng.choice(UNITS))
    line = " ".join(parts)
    r = rng.random()
    if r < 0.3:
        line = f"title: {line}; brand: {rng.choice(BRANDS)}; categories: " + ", ".join(rng.sample(CATS, rng.randint(1, 4)))
    elif r < 0.4:
        line += " " + rng.choice(EMOJI)
    elif r < 0.5:
        line = line.upper()
    elif r < 0.6:
        line += f" (pack of {rng.randint(2, 12)}) - ${rng.randint(1, 99)}.{rng.randint(0, 99):02d}"
    elif r < 0.7:
        line += " — " + " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
    return line


def corpus(rng, n):
    words = [fake_word(rng) for _ in range(3000)]
    return [product_line(rng, words) for _ in range(n)], words


def test_strings(rng, words):
    fixed = ["", " ", "  ", "\t", "\n", " \n\t ", "   leading", "trailing   ", "a  b   c", "0.5fl oz", "0.5 fl oz",
             "1.7 Oz", "3.4 fl. oz. / 100 ml", "SPF 50+", "pH 5.5", "100%", "12-pack", "$19.99", "€12,50", "£5",
             "25°C", "½ oz", "ｍｌ", "㎖", "Ⅲ", "①②③", "２５ｍｌ", "ﬁne ﬂower", "café", "cafe\u0301", "naïve", "Ångström",
             "Åsa", "ß", "İstanbul", "ǅ", "東京", "資生堂 化粧水", "한국 화장품", "スキンケア", "美容液 30ml", "😀", "👩🏽‍🔬",
             "👨‍👩‍👧", "🇫🇷🇯🇵", "❤️", "✨💄✨", "a\u200bb", "a\u00a0b", "a\u3000b", "x\u0000y", "\u00ad", "e\u0301\u0301",
             "<extra_id_0>", "<extra_id_99> and <extra_id_1>", "</s>", "<pad><unk></s>", "text</s>more", "<0x41>",
             "▁", "▁▁a", "a▁b", "hello ▁ world", "<unk>", "<s>", "'quoted' \"double\"", "back\\slash", "tab\tsep",
             "line1\nline2", "CRLF\r\nend", "ÀÉÎÕÜ àéîõü", "Ελληνικά", "Русский текст", "עברית", "العربية", "हिन्दी",
             "ไทย", "tiếng Việt", "𝔉𝔯𝔞𝔨𝔱𝔲𝔯", "𝟙𝟚𝟛", "Ⓐⓑⓒ", "™®©", "…", "—–-", "“smart quotes”", "«guillemets»",
             "\u2028", "\ufeffBOM", "\ufffd", "ｆｕｌｌｗｉｄｔｈ", "ｶﾀｶﾅ", "x" * 300, "word " * 200,
             "Neutrogena Hydro Boost Water Gel, 1.7 fl. oz", "L'Oréal Paris Revitalift Triple Power 1.7 oz 💧"]
    fixed.append(" ".join(rng.choice(words) for _ in range(1500)))  # very long (~10 KB)
    fixed.append("".join(rng.choice(EMOJI + ["東", "京", "é", "ß", "1", " "]) for _ in range(800)))
    out = list(fixed)
    while len(out) < 2050:
        r = rng.random()
        if r < 0.6:
            s = product_line(rng, words)
        elif r < 0.75:
            s = " ".join(rng.choice(words + NOUNS + ADJS) for _ in range(rng.randint(1, 8)))
        elif r < 0.85:
            s = "".join(chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0xa0, 0x2ff), rng.randint(0x3040, 0x30ff),
                                        rng.randint(0x4e00, 0x4fff), rng.randint(0x1f300, 0x1f64f), rng.randint(0xff01, 0xff5e)]))
                        for _ in range(rng.randint(1, 30)))
        else:
            s = number(rng) + rng.choice(["", " "]) + rng.choice(UNITS) + rng.choice(["", " ", "  ", "\t"])
        out.append(s)
    return out


def expected(tok, strings):
    encs = tok.encode_batch(strings)
    rows = []
    for s, e in zip(strings, encs):
        d = tok.decode(e.ids, skip_special_tokens=True)
        # decoded is null when it equals the input (a round trip), to keep the fixture small
        rows.append({"ids": e.ids, "decoded": None if d == s else d})
    return rows


def write_json(name, obj):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def train_spm(lines, workdir, rule):
    path = os.path.join(workdir, "corpus.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    spm.SentencePieceTrainer.train(
        input=path, model_prefix=os.path.join(workdir, "spiece_" + rule), model_type="unigram", vocab_size=8000,
        byte_fallback=True, character_coverage=0.9995, normalization_rule_name=rule,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1, num_threads=1, seed_sentencepiece_size=200000,
        minloglevel=2)
    return os.path.join(workdir, "spiece_" + rule + ".model")


def convert_t5(model_path, workdir):
    """transformers' T5Tokenizer conversion (T5's shape); byte_fallback follows the sentencepiece model."""
    from transformers import T5Tokenizer
    import shutil
    d = os.path.join(workdir, "t5")
    os.makedirs(d, exist_ok=True)
    shutil.copy(model_path, os.path.join(d, "spiece.model"))
    t = T5Tokenizer.from_pretrained(d)
    j = json.loads(t.backend_tokenizer.to_str())
    j["model"]["byte_fallback"] = True
    return Tokenizer.from_str(json.dumps(j))


def convert_generic(model_path):
    from transformers.convert_slow_tokenizer import SpmConverter, import_protobuf
    m = import_protobuf().ModelProto()
    with open(model_path, "rb") as f:
        m.ParseFromString(f.read())
    vocab = [(p.piece, p.score) for p in m.pieces]
    return SpmConverter.build_tokenizer_from_spm_proto(m, vocab, legacy=False)


def main():
    rng = random.Random(SEED)
    os.makedirs(OUT, exist_ok=True)
    lines, words = corpus(rng, 30000)
    strings = test_strings(random.Random(SEED + 1), words)
    # The committed corpus is a slice (the Swift trainer test trains on it); sentencepiece sees all of it.
    with open(os.path.join(OUT, "corpus.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines[:1000]) + "\n")
    write_json("strings.json", strings)
    with tempfile.TemporaryDirectory() as wd:
        toks = {"t5": convert_t5(train_spm(lines, wd, "nmt_nfkc"), wd),
                "spm": convert_generic(train_spm(lines, wd, "identity"))}
    for name, tok in toks.items():
        with open(os.path.join(OUT, f"{name}.tokenizer.json"), "w", encoding="utf-8") as f:
            f.write(tok.to_str())  # compact, unlike save()
        # reload from the file, so the ids are those of what we commit
        tok = Tokenizer.from_file(os.path.join(OUT, f"{name}.tokenizer.json"))
        write_json(f"{name}.expected.json", expected(tok, strings))
    swift = os.path.join(OUT, "swift.tokenizer.json")
    if os.path.exists(swift):
        write_json("swift.expected.json", expected(Tokenizer.from_file(swift), strings))
    else:
        print("no swift.tokenizer.json yet: train it with idgenrec-bench train-tokenizer, then re-run", file=sys.stderr)
    atomic(strings)


def atomic(strings):
    tok = Tokenizer.from_file(os.path.join(OUT, "t5.tokenizer.json"))
    tokens = ["<c_3>", "<c_12>", "<item_1042>", "<item_10>", "brand_new_token"]
    tok.add_tokens([AddedToken(t, normalized=False, special=False) for t in tokens])
    rng = random.Random(SEED + 2)
    samples = ["<c_3>", "<c_3><c_12>", "item <item_1042> and <item_10>", "<c_3 >", "x<c_3>y", " <c_12> ", "<c_123>",
               "brand_new_tokens", "<item_10420>", "<item_1042><item_10>"]
    for s in strings[100:250]:
        k = rng.randint(0, len(s))
        samples.append(s[:k] + rng.choice(tokens) + s[k:])
    write_json("atomic.expected.json", {"tokens": tokens, "strings": samples, "expected": expected(tok, samples)})


if __name__ == "__main__":
    main()
