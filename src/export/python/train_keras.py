"""{{TITLE}}, exported by Kindling as a Keras 3 script.

Reads a CSV with the training columns, applies the preprocessing Kindling fitted
(preprocessing.json; --refit fits it anew on this CSV), builds the same architecture, loss,
optimizer and seed, loads Kindling's trained weights (weights.safetensors), predicts, and trains
on. Needs keras, a backend (e.g. jax) and safetensors:

    pip install keras jax safetensors
    KERAS_BACKEND=jax python train_keras.py DATA.csv --predict predictions.csv
    python train_keras.py DATA.csv --epochs 20 --save weights_more.safetensors

On several GPUs or TPUs (JAX backend), --data-parallel shards each batch over every device with
Keras's distribution API (keras.distribution.DataParallel); for larger models see
keras.distribution.ModelParallel.
"""
import argparse
import collections
import csv
import io
import json
import math
import os
import pathlib

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from safetensors.numpy import load_file, save_file  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
SEED = {{SEED}}
VALIDATION = {{VALIDATION}}  # the fraction Keras holds out (the last rows, before shuffling)

{{PREPROCESS}}

# ---- The model -------------------------------------------------------------------------------


def leaky_relu(x):
    return keras.activations.leaky_relu(x, negative_slope=0.01)  # Kindling's slope


def build_model(input_shape):
    """Kindling's layers, one Keras layer each (Keras semantics, the same weight layout)."""
    model = keras.Sequential([
        keras.Input(shape=input_shape),
{{LAYERS}}
    ])
    model.compile(
        loss={{LOSS}},
        optimizer={{OPTIMIZER}},
        metrics={{METRICS}},
    )
    return model


def load_weights(model, path):
    """Kindling's tensors `layers.I.kernel|recurrent_kernel|bias` into layer I."""
    tensors = load_file(path)
    for i, layer in enumerate(model.layers):
        names = [f"layers.{i}.{n}" for n in ("kernel", "recurrent_kernel", "bias")]
        weights = [tensors[n] for n in names if n in tensors]
        if weights:
            layer.set_weights(weights)


def save_weights(model, path):
    """The model's weights under the names load_weights reads."""
    tensors = {}
    for i, layer in enumerate(model.layers):
        for w in layer.weights:
            name = w.path.split("/")[-1]
            tensors[f"layers.{i}.{name}"] = np.asarray(keras.ops.convert_to_numpy(w), np.float32)
    save_file(tensors, path)


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("data", help="a CSV with the training columns")
    args.add_argument("--epochs", type=int, default={{EPOCHS}}, help="epochs to train after loading (0: none)")
    args.add_argument("--batch-size", type=int, default={{BATCH}})
    args.add_argument("--weights", default=str(HERE / "weights.safetensors"), help="weights to start from ('' for a fresh start)")
    args.add_argument("--refit", action="store_true", help="fit the preprocessing anew on this CSV (and start from fresh weights)")
    args.add_argument("--predict", help="write predictions (before training) to this CSV")
    args.add_argument("--save", help="write the weights after training to this .safetensors file")
    args.add_argument("--data-parallel", action="store_true", help="shard batches over all devices (JAX)")
    a = args.parse_args()

    keras.utils.set_random_seed(SEED)
    if a.data_parallel:
        keras.distribution.set_distribution(keras.distribution.DataParallel())
    fitted = json.loads((HERE / "preprocessing.json").read_text())["preprocessing"]
    pre = Preprocess(fitted)
    table = read_csv(a.data)
    if a.refit:
        pre.refit(table, {{MISSING_RULE}}, {{SCALE_RULE}})
    width = len(pre.p["inputs"])
    window = pre.steps.get("window")
    model = build_model((window["lookback"], width) if window else (width,))
    if a.weights and not a.refit:
        load_weights(model, a.weights)
    if a.predict:
        x, rows = pre.inputs(table)
        values = pre.outputs(model.predict(x, batch_size=1024, verbose=0))
        write_predictions(a.predict, pre.p, rows, values)
    if a.epochs > 0:
        x, y = pre.targets(table)
        batch = len(x) if {{FULL_BATCH}} else a.batch_size
        model.fit(x, y, epochs=a.epochs, batch_size=batch, validation_split=VALIDATION,
                  callbacks={{CALLBACKS}}, verbose=2)
    if a.save:
        save_weights(model, a.save)


if __name__ == "__main__":
    main()
