#!/usr/bin/env python3
"""Generates the field-extraction evaluation set: invoices, receipts, purchase orders and forms as HTML,
each with the fields it holds as JSON, from templates with varied layouts, label wordings, languages and
date and number formats. Deterministic (a fixed seed), so the committed files are what it writes.

    tests/fields/generate.py        # writes docs/NAME.html, docs/NAME.json, set.html (every document, one a
                                    # page) and set.txt (their order)
    tests/fields/generate.py --pdf  # and renders set.html to set.pdf with headless Chromium (Debian package chromium)
"""
import argparse
import datetime
import json
import os
import random
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261207

# Label wordings per field and language; the evaluation is about finding these.
LABELS = {
    "en": {
        "invoice_number": ["Invoice No.", "Invoice Number", "Invoice #", "Inv. No.", "Invoice ID"],
        "date": ["Date", "Invoice Date", "Issue Date", "Issued on", "Date of issue"],
        "due_date": ["Due Date", "Payment Due", "Due by", "Pay by"],
        "total": ["Total", "Total Due", "Amount Due", "Balance Due", "Grand Total", "Total Amount"],
        "subtotal": ["Subtotal", "Sub-total", "Net Amount"],
        "tax": ["Tax", "VAT", "Sales Tax", "Tax Amount"],
        "po_number": ["PO Number", "Purchase Order", "PO #", "Order Number", "P.O. No."],
        "customer_name": ["Bill To", "Customer", "Billed To", "Client"],
        "receipt_number": ["Receipt No.", "Receipt #", "Receipt Number", "Transaction ID"],
        "payment_method": ["Payment Method", "Paid by", "Payment"],
        "delivery_date": ["Delivery Date", "Deliver by", "Ship Date"],
        "vendor_name": ["Vendor", "Supplier", "Vendor Name"],
        "full_name": ["Full Name", "Name", "Applicant Name"],
        "date_of_birth": ["Date of Birth", "DOB", "Birth Date"],
        "email": ["Email", "E-mail", "Email Address"],
        "phone": ["Phone", "Telephone", "Phone Number", "Tel."],
        "member": ["Existing member", "Member"],
        "account_number": ["Account Number", "Account No.", "Account #"],
    },
    "de": {
        "invoice_number": ["Rechnungsnummer", "Rechnung Nr."],
        "date": ["Datum", "Rechnungsdatum"],
        "due_date": ["Zahlbar bis", "Fällig"],
        "total": ["Gesamtbetrag", "Summe", "Endbetrag"],
        "subtotal": ["Nettobetrag", "Zwischensumme"],
        "tax": ["MwSt", "USt"],
        "po_number": ["Bestellnummer"],
        "customer_name": ["Kunde"],
    },
}

COLUMNS = {
    "en": {
        "description": ["Description", "Item", "Product", "Service", "Details"],
        "quantity": ["Qty", "Quantity", "Units", "Hours"],
        "unit_price": ["Unit Price", "Price", "Rate", "Unit Cost"],
        "amount": ["Amount", "Line Total", "Total", "Ext. Price"],
        "sku": ["SKU", "Item Code", "Product Code", "Part No."],
    },
    "de": {
        "description": ["Beschreibung", "Artikel"],
        "quantity": ["Menge", "Anzahl"],
        "unit_price": ["Einzelpreis"],
        "amount": ["Gesamtpreis", "Betrag"],
        "sku": ["Artikelnummer"],
    },
}

TOTAL_ROW = {"en": {"subtotal": "Subtotal", "tax": "Tax", "total": "Total"}, "de": {"subtotal": "Zwischensumme", "tax": "MwSt", "total": "Gesamt"}}

COMPANIES = ["Acme Supplies Ltd", "Northwind Traders", "Globex GmbH", "Initech LLC", "Umbrella Office Co.", "Stark Industrial", "Wayne Paper Co.", "Hooli Services"]
PEOPLE = ["Alice Martin", "Bob Chen", "Carla Gómez", "David Okafor", "Eva Schmidt", "Farid Haddad", "Grace Kim", "Hugo Lefèvre"]
PRODUCTS = ["A4 copy paper (box)", "Toner cartridge", "Desk lamp", "Consulting hours", "USB-C cable 2 m", "Office chair", "Whiteboard markers", "Monitor stand", "Cloud backup plan", "Printer service"]
PAYMENTS = ["Visa", "Mastercard", "Cash", "Bank transfer", "PayPal"]
MONTHS = {"en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
          "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]}


def fmt_date(d, style, lang):
    month = MONTHS[lang][d.month - 1]
    return {
        "iso": d.isoformat(),
        "dmy": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "mdy": f"{d.month:02d}/{d.day:02d}/{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "long": f"{d.day} {month} {d.year}",
        "us_long": f"{month} {d.day}, {d.year}",
        "short": f"{d.day:02d}-{month[:3]}-{d.year}",
    }[style]


def fmt_money(x, style):
    whole, cents = f"{x:.2f}".split(".")
    grouped = f"{int(whole):,}"
    return {
        "usd": f"${grouped}.{cents}",
        "gbp": f"£{grouped}.{cents}",
        "eur_de": f"{grouped.replace(',', '.')},{cents} €",
        "eur_code": f"EUR {grouped}.{cents}",
        "eur_space": f"{grouped.replace(',', ' ')},{cents} €",
        "plain": f"{whole}.{cents}",
    }[style]


class Doc:
    """One generated document: its fields in order (label, shown text, expected value) and its line items."""

    def __init__(self, rng, kind, lang):
        self.rng, self.kind, self.lang = rng, kind, lang
        self.fields = []  # (name, label, shown, expected)
        self.items = []  # dicts: name -> (shown, expected)
        self.columns = []  # item property names in column order
        self.date_style = rng.choice(["iso", "dot", "long", "dot"] if lang == "de" else ["iso", "dmy", "mdy", "long", "us_long", "short"])
        self.money_style = rng.choice(["eur_de", "eur_space"] if lang == "de" else ["usd", "gbp", "eur_code", "plain", "usd"])

    def label(self, name):
        return self.rng.choice(LABELS[self.lang].get(name) or LABELS["en"][name])

    def add(self, name, shown, expected=None):
        """A labelled field; text fields are expected as shown."""
        self.fields.append((name, self.label(name), shown, shown if expected is None else expected))

    def add_date(self, name, d):
        self.add(name, fmt_date(d, self.date_style, self.lang), d.isoformat())

    def add_money(self, name, x):
        self.add(name, fmt_money(x, self.money_style), round(x, 2))

    def add_items(self, columns, count):
        self.columns = columns
        for _ in range(count):
            qty = self.rng.randint(1, 12)
            price = round(self.rng.uniform(2, 900), 2)
            sku = f"SKU-{self.rng.randint(1000, 9999)}"
            product = self.rng.choice(PRODUCTS)
            item = {
                "sku": (sku, sku),
                "description": (product, product),
                "quantity": (str(qty), qty),
                "unit_price": (fmt_money(price, self.money_style), price),
                "amount": (fmt_money(qty * price, self.money_style), round(qty * price, 2)),
            }
            self.items.append({c: item[c] for c in columns})
        return round(sum(i["amount"][1] for i in self.items if "amount" in i), 2)

    def expected(self):
        out = {"kind": self.kind, "fields": {n: e for n, _, _, e in self.fields}}
        if self.items:
            out["line_items"] = [{c: v[1] for c, v in item.items()} for item in self.items]
        return out


def make(rng, kind, lang):
    d = Doc(rng, kind, lang)
    start = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 700))
    if kind == "invoice":
        d.add("invoice_number", f"INV-{rng.randint(2023, 2026)}-{rng.randint(1, 9999):04d}")
        d.add_date("date", start)
        d.add_date("due_date", start + datetime.timedelta(days=rng.choice([14, 30, 45])))
        d.add("customer_name", rng.choice(PEOPLE))
        if rng.random() < 0.5:
            d.add("po_number", f"PO-{rng.randint(10000, 99999)}")
        subtotal = d.add_items(rng.choice([["description", "quantity", "unit_price", "amount"], ["sku", "description", "quantity", "unit_price", "amount"], ["description", "amount"]]), rng.randint(2, 6))
    elif kind == "receipt":
        d.add("receipt_number", f"R{rng.randint(100000, 999999)}")
        d.add_date("date", start)
        d.add("payment_method", rng.choice(PAYMENTS))
        subtotal = d.add_items(rng.choice([["description", "quantity", "amount"], ["description", "amount"]]), rng.randint(1, 5))
    elif kind == "purchase_order":
        d.add("po_number", f"PO-{rng.randint(10000, 99999)}")
        d.add_date("date", start)
        d.add_date("delivery_date", start + datetime.timedelta(days=rng.randint(3, 40)))
        d.add("vendor_name", rng.choice(COMPANIES))
        subtotal = d.add_items(rng.choice([["sku", "description", "quantity", "unit_price", "amount"], ["description", "quantity", "unit_price", "amount"]]), rng.randint(2, 6))
    else:
        person = rng.choice(PEOPLE)
        d.add("full_name", person, person)
        d.add_date("date_of_birth", datetime.date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)))
        email = person.lower().split()[0].replace("é", "e").replace("è", "e") + f"{rng.randint(1, 99)}@example.org"
        d.add("email", email, email)
        digits = f"{rng.randint(200, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        d.add("phone", f"+44 {digits}", "+44" + digits.replace(" ", ""))
        account = f"{rng.randint(10000000, 99999999)}"
        d.add("account_number", account, account)
        member = rng.random() < 0.5
        d.fields.append(("member", d.label("member"), "☑" if member else "☐", member))
        return d
    if kind != "receipt" or rng.random() < 0.7:
        tax = round(subtotal * rng.choice([0.07, 0.1, 0.19, 0.2]), 2)
    else:
        tax = 0.0
    d.totals = [("subtotal", subtotal), ("tax", tax), ("total", round(subtotal + tax, 2))]
    if kind == "invoice":
        d.add_money("subtotal", subtotal)
        d.add_money("tax", tax)
    d.add_money("total", round(subtotal + tax, 2))
    return d


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body style='font-family:sans-serif;font-size:12px;margin:0'>{}</body></html>\n"


def render(d, rng):
    """The body of a document's HTML, its labelled fields in one of four layouts."""
    title = {"invoice": "INVOICE", "receipt": "RECEIPT", "purchase_order": "PURCHASE ORDER", "form": "MEMBERSHIP APPLICATION"}[d.kind]
    if d.lang == "de":
        title = {"invoice": "RECHNUNG", "receipt": "QUITTUNG", "purchase_order": "BESTELLUNG", "form": "ANTRAG"}[d.kind]
    header = [f"<h1>{title}</h1>", f"<p>{esc(rng.choice(COMPANIES))}<br>{rng.randint(1, 200)} High Street, Leeds LS1 {rng.randint(1, 9)}AB</p>"]
    # Totals are written under the items; the other fields take the layout.
    in_totals = {"subtotal", "tax", "total"} if d.items else set()
    labelled = [f for f in d.fields if f[0] not in in_totals]
    layout = rng.choice(["lines", "table", "stacked", "pairs"])
    body = []
    if layout == "lines":
        body += [f"<p>{esc(l)}: {esc(v)}</p>" for _, l, v, _ in labelled]
    elif layout == "table":
        border = rng.choice(["1", "0"])
        rows = "".join(f"<tr><td>{esc(l)}</td><td>{esc(v)}</td></tr>" for _, l, v, _ in labelled)
        body.append(f"<table border='{border}' style='border-collapse:collapse'>{rows}</table>")
    elif layout == "stacked":
        body += [f"<div style='margin-bottom:8px'><div style='font-size:9px;color:#555'>{esc(l)}</div><div>{esc(v)}</div></div>" for _, l, v, _ in labelled]
    else:
        pairs = [f"{esc(l)}: {esc(v)}" for _, l, v, _ in labelled]
        body += ["<p>" + " &nbsp; &nbsp; ".join(pairs[i:i + 2]) + "</p>" for i in range(0, len(pairs), 2)]
    if d.items:
        heads = "".join(f"<th>{esc(rng.choice(COLUMNS[d.lang].get(c) or COLUMNS['en'][c]))}</th>" for c in d.columns)
        rows = "".join("<tr>" + "".join(f"<td>{esc(item[c][0])}</td>" for c in d.columns) + "</tr>" for item in d.items)
        span = len(d.columns) - 1
        totals = ""
        if d.kind != "invoice":
            shown = [t for t in d.totals if t[0] == "total" or t[1] > 0]
            totals = "".join(f"<tr><td colspan='{span}'>{TOTAL_ROW[d.lang][n]}</td><td>{fmt_money(x, d.money_style)}</td></tr>" for n, x in shown)
        body.append(f"<table border='1' style='border-collapse:collapse;margin-top:12px'><tr>{heads}</tr>{rows}{totals}</table>")
        if d.kind == "invoice":
            body += [f"<p style='text-align:right'>{esc(l)}: {esc(v)}</p>" for n, l, v, _ in d.fields if n in in_totals]
    footer = "<p style='font-size:9px'>Thank you for your business.</p>"
    return "".join(header + body) + footer


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdf", action="store_true", help="also render the set to set.pdf, one document a page, with headless Chromium")
    args = parser.parse_args()
    rng = random.Random(SEED)
    out = os.path.join(HERE, "docs")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    plan = [("invoice", 18), ("receipt", 16), ("purchase_order", 14), ("form", 14)]
    names, bodies = [], []
    for kind, count in plan:
        for i in range(count):
            lang = "de" if kind in ("invoice", "receipt", "purchase_order") and i % 5 == 4 else "en"
            doc = make(rng, kind, lang)
            name = f"{kind}-{i + 1:02d}"
            body = render(doc, rng)
            bodies.append(body)
            with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
                f.write(PAGE.format(body))
            with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
                json.dump(doc.expected(), f, indent=1, ensure_ascii=False)
                f.write("\n")
            names.append(name)
    # The whole set in one file, one document a page: one browser run renders it (tests do, to PDF).
    with open(os.path.join(HERE, "set.html"), "w", encoding="utf-8") as f:
        f.write(PAGE.format("".join(f"<div style='page-break-after:always'>{b}</div>" for b in bodies)))
    if args.pdf:
        browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if browser is None:
            raise SystemExit("no chromium on PATH (apt-get install chromium)")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={os.path.join(HERE, 'set.pdf')}", os.path.join(HERE, "set.html")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(HERE, "set.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(names) + "\n")
    print(f"{len(names)} documents in {out}")


if __name__ == "__main__":
    main()
