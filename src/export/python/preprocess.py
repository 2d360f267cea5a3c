# ---- Preprocessing: the fitted steps Kindling trained with (preprocessing.json) -------------
# Reading follows Kindling's reader for plain files: UTF-8, the delimiter among , ; tab |,
# pandas's missing-value tokens, true/false/yes/no as 1/0. Rows are taken in file order unless
# the model orders them by a date column (ISO dates sort as text). Not repeated here: thousands
# separators, decimal commas and other date layouts; convert such a CSV first.

MISSING = {"", "NA", "N/A", "NaN", "nan", "null", "None", "?", "-", "#N/A", "#N/A N/A", "#NA",
           "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "NULL", "n/a"}
BOOLEANS = {"true": 1.0, "yes": 1.0, "false": 0.0, "no": 0.0}


def read_csv(path):
    """The CSV as {column: [cell text, ...]} (cells trimmed, blank lines skipped)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        text = f.read()
    first = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t", "|"], key=first.count)
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in r)]
    header = [h.strip() for h in rows[0]]
    return {name: [r[i].strip() if i < len(r) else "" for r in rows[1:]] for i, name in enumerate(header)}


def number(cell):
    """A cell as a float; missing or not a number → nan."""
    if cell in MISSING:
        return math.nan
    if cell.lower() in BOOLEANS:
        return BOOLEANS[cell.lower()]
    try:
        value = float(cell)
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan


class Preprocess:
    """Raw CSV columns → model inputs, with Kindling's fitted steps (or refitted ones)."""

    def __init__(self, fitted):
        self.p = fitted
        self.steps = {s["type"]: s for s in fitted["steps"]}
        self.target_steps = {s["type"]: s for s in fitted["target_steps"]}

    def rows(self, table, need_target):
        """Source rows to use, in order: ordered by date, without gaps when dropping missing."""
        n = len(next(iter(table.values())))
        rows = list(range(n))
        if self.p.get("order_by") and self.p["order_by"] in table:
            dates = table[self.p["order_by"]]
            rows.sort(key=lambda r: dates[r])
        if self.steps.get("select", {}).get("drop_missing"):
            rows = [r for r in rows if all(table[f][r] not in MISSING for f in self.p["features"])]
        if need_target and "window" not in self.steps:
            rows = [r for r in rows if table[self.p["target"]][r] not in MISSING]
        return rows

    def encode(self, table, rows):
        """impute + one_hot: [rows, inputs] float32, before scaling."""
        fills = self.steps.get("impute", {}).get("fill") or [None] * len(self.p["features"])
        categories = self.steps.get("one_hot", {}).get("categories") or [None] * len(self.p["features"])
        columns = []
        for name, fill, cats in zip(self.p["features"], fills, categories):
            cells = [table[name][r] for r in rows]
            if cats is None:
                values = [number(c) for c in cells]
                columns.append([fill if math.isnan(v) and fill is not None else v for v in values])
            else:
                cells = [fill if c in MISSING else c for c in cells]
                columns.extend([1.0 if c == k else 0.0 for c in cells] for k in cats)
        return np.array(columns, dtype=np.float32).T.reshape(len(rows), len(columns))

    def scale(self, x):
        s = self.steps.get("scale")
        if s is None:
            return x
        return (x - np.array(s["offset"], np.float32)) / np.array(s["factor"], np.float32)

    def inputs(self, table, need_target=False):
        """(x, rows): x [samples, inputs] or [samples, lookback, inputs]; rows the source row of
        each sample (for a window, of its last step)."""
        rows = self.rows(table, need_target)
        x = self.scale(self.encode(table, rows))
        w = self.steps.get("window")
        if w is None:
            return x, rows
        lookback = w["lookback"]
        count = len(rows) - lookback + 1 - (w["horizon"] if need_target else 0)
        windows = np.stack([x[k:k + lookback] for k in range(max(count, 0))])
        return windows, [rows[k + lookback - 1] for k in range(max(count, 0))]

    def targets(self, table):
        """(x, y) for training: y one-hot classes, or the scaled target [samples, 1]."""
        x, rows = self.inputs(table, need_target=True)
        column = table[self.p["target"]]
        w = self.steps.get("window")
        if w is not None:  # the target `horizon` rows after each window's last row
            order = self.rows(table, False)
            ahead = {order[i]: order[i + w["horizon"]] for i in range(len(order) - w["horizon"])}
            rows = [ahead[r] for r in rows]
        if self.p["task"] == "classification":
            classes = self.p["classes"]
            y = np.zeros((len(rows), len(classes)), np.float32)
            for i, r in enumerate(rows):
                if column[r] in classes:
                    y[i, classes.index(column[r])] = 1.0
            return x, y
        y = np.array([[number(column[r])] for r in rows], np.float32)
        fill = self.target_steps.get("impute", {}).get("fill")
        if fill:
            y = np.where(np.isnan(y), np.float32(fill[0]), y)
        s = self.target_steps.get("scale")
        if s is not None:
            y = (y - np.float32(s["offset"][0])) / np.float32(s["factor"][0])
        return x, y

    def outputs(self, raw):
        """Model outputs → probabilities, or values in the target's units."""
        s = self.target_steps.get("scale")
        if self.p["task"] == "classification" or s is None:
            return raw
        return raw * np.float32(s["factor"][0]) + np.float32(s["offset"][0])

    def refit(self, table, missing, scale):
        """Fits impute, one_hot, scale (and the target's) anew on every row of `table` with a
        target, as Kindling fits them on its training rows (`data.missing`, `data.scale`)."""
        rows = self.rows(table, need_target=True)
        fills, categories = [], []
        for name in self.p["features"]:
            cells = [table[name][r] for r in rows if table[name][r] not in MISSING]
            values = [number(c) for c in cells]
            if all(not math.isnan(v) for v in values):
                categories.append(None)
                fills.append({"mean": float(np.mean(values)) if values else 0.0,
                              "median": float(np.median(values)) if values else 0.0,
                              "most_frequent": collections.Counter(values).most_common(1)[0][0] if values else 0.0,
                              }.get(missing, 0.0))
            else:
                categories.append(sorted(set(cells))[:1000])
                fills.append(collections.Counter(cells).most_common(1)[0][0] if missing in ("mean", "median", "most_frequent") and cells else None)
        self.steps["impute"] = {"type": "impute", "fill": fills}
        self.steps["one_hot"] = {"type": "one_hot", "categories": categories}
        self.p["inputs"] = [f"{n}={c}" if cats else n for n, cats in zip(self.p["features"], categories)
                            for c in (cats or [None])]
        encoded = self.encode(table, rows)
        onehot = [j for j, (n, cats) in enumerate(zip(self.p["features"], categories)) for _ in (cats or [None]) if cats]
        if scale == "none":
            self.steps.pop("scale", None)
        else:
            offset = encoded.mean(0) if scale == "standard" else encoded.min(0)
            factor = encoded.std(0) if scale == "standard" else encoded.max(0) - encoded.min(0)
            factor = np.where(factor == 0, 1.0, factor)
            offset[onehot], factor[onehot] = 0.0, 1.0
            self.steps["scale"] = {"type": "scale", "offset": offset.tolist(), "factor": factor.tolist()}
        if self.p["task"] != "classification" and scale != "none":
            y = np.array([number(table[self.p["target"]][r]) for r in rows], np.float64)
            y = y[~np.isnan(y)]
            offset = y.mean() if scale == "standard" else y.min()
            factor = (y.std() if scale == "standard" else y.max() - y.min()) or 1.0
            self.target_steps["scale"] = {"type": "scale", "offset": [float(offset)], "factor": [float(factor)]}


def write_predictions(path, fitted, rows, values):
    """row, predicted_TARGET, probability_CLASS... as CSV (row: 0-based source row)."""
    with open(path, "w", newline="") as f:
        out = csv.writer(f)
        classes = fitted.get("classes") if fitted["task"] == "classification" else None
        header = ["row", f"predicted_{fitted['target']}"]
        out.writerow(header + ([f"probability_{c}" for c in classes] if classes else []))
        for r, v in zip(rows, values):
            if classes:
                out.writerow([r, classes[int(np.argmax(v))]] + [repr(float(p)) for p in v])
            else:
                out.writerow([r, repr(float(v[0]))])
