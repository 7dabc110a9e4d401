"""Writes COUNT distinct articles as NDJSON, built from the gold articles' texts.

    python3 make_articles.py ARTICLES_DIR COUNT > articles.ndjson

Each article takes one gold text (NAME.txt with its NAME.json metadata), in turn, and is made
distinct from the others: its own title, source and URL, one sentence of its own naming a
correspondent and a city, so that neither the URL nor the text repeats, and a publication day
one day later for each round through the texts, so that the n-th copy of a story reports its
relative dates ("on Tuesday") on other days than the copy before. Events with absolute dates
still merge across copies, as the same story carried by many outlets does. The texts are the project's own gold articles (see their README); nothing else is
read.
"""
import datetime
import json
import pathlib
import sys

CITIES = ["Moscow", "Ankara", "Cairo", "Geneva", "Nairobi", "Lima", "Jakarta", "Oslo", "Dakar", "Hanoi", "Quito", "Riga"]
OUTLETS = ["Harbour Wire", "Meridian Daily", "Northgate Press", "Evening Ledger", "Coastline News", "Summit Report"]
FIRST = ["Amira", "Jonas", "Priya", "Tomas", "Lena", "Kofi", "Mei", "Rafael", "Ines", "Yusuf"]
LAST = ["Halden", "Okafor", "Varga", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Reyes", "Brandt"]


def gold(folder):
    for meta_path in sorted(pathlib.Path(folder).glob("*.json")):
        meta = json.loads(meta_path.read_text())
        text = meta_path.with_suffix(".txt").read_text()
        title = meta["title"]
        lines = text.strip().split("\n")
        if lines and lines[0].strip() == title:
            text = "\n".join(lines[1:]).strip()
        yield title, text, meta["publishedAt"]


def main():
    folder, count = sys.argv[1], int(sys.argv[2])
    texts = list(gold(folder))
    out = sys.stdout
    for index in range(count):
        title, text, day = texts[index % len(texts)]
        outlet = OUTLETS[index % len(OUTLETS)]
        city = CITIES[(index // len(OUTLETS)) % len(CITIES)]
        reporter = f"{FIRST[index % len(FIRST)]} {LAST[(index // len(FIRST)) % len(LAST)]}"
        published = datetime.date.fromisoformat(day) + datetime.timedelta(days=index // len(texts))
        article = {
            "title": f"{title} ({outlet}, report {index + 1})",
            "body": f"{reporter} reported from {city} for {outlet}, dispatch {index + 1}.\n\n{text}",
            "publishedAt": published.isoformat(),
            "source": {"name": outlet, "url": f"https://{outlet.lower().replace(' ', '-')}.example/reports/{index + 1}"},
        }
        out.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
