"""{{TITLE}}, exported by Kindling as a PyTorch script.

Reads a CSV with the training columns, applies the preprocessing Kindling fitted
(preprocessing.json; --refit fits it anew on this CSV), builds the same architecture (Keras
semantics: NHWC images, Keras gate equations), loss, optimizer and seed, loads Kindling's trained
weights (weights.safetensors), predicts, and trains on. Needs torch, numpy and safetensors:

    python train_pytorch.py DATA.csv --predict predictions.csv
    python train_pytorch.py DATA.csv --epochs 20 --save weights_more.safetensors

Unchanged on several processes or machines with DistributedDataParallel:

    torchrun --nproc_per_node=4 train_pytorch.py DATA.csv --epochs 20 --save more.safetensors

(each process trains on its share of every epoch's batches; gradients are averaged; rank 0
writes the files; NCCL on GPUs, Gloo on CPUs).
"""
import argparse
import collections
import csv
import io
import json
import math
import os
import pathlib

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from safetensors.numpy import load_file, save_file
from torch import nn

HERE = pathlib.Path(__file__).resolve().parent
SEED = {{SEED}}
VALIDATION = {{VALIDATION}}  # the fraction held out (the last rows, as Keras's validation_split)

{{PREPROCESS}}

# ---- The model -------------------------------------------------------------------------------

ACTIVATIONS = {
    "linear": lambda x: x,
    "relu": F.relu,
    "leaky_relu": lambda x: F.leaky_relu(x, 0.01),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softmax": lambda x: torch.softmax(x, dim=-1),
}


class Dense(nn.Module):
    """Keras Dense: x·kernel + bias, then the activation (kernel [inputs, units])."""

    def __init__(self, inputs, units, activation, use_bias=True, l1=0.0, l2=0.0):
        super().__init__()
        self.kernel = nn.Parameter(torch.empty(inputs, units))
        nn.init.xavier_uniform_(self.kernel)
        self.bias = nn.Parameter(torch.zeros(units)) if use_bias else None
        self.activation, self.l1, self.l2 = ACTIVATIONS[activation], l1, l2

    def forward(self, x):
        y = x @ self.kernel
        return self.activation(y + self.bias if self.bias is not None else y)


class Recurrent(nn.Module):
    """Keras LSTM (gates i, f, c, o) or GRU (reset_after; gates z, r, h) on [batch, steps,
    features], via torch's nn.LSTM / nn.GRU with the weights rearranged on load."""

    def __init__(self, kind, inputs, units, return_sequences, l1=0.0, l2=0.0):
        super().__init__()
        self.kind, self.units, self.return_sequences = kind, units, return_sequences
        self.rnn = (nn.LSTM if kind == "lstm" else nn.GRU)(inputs, units, batch_first=True)
        self.l1, self.l2 = l1, l2

    @property
    def kernel(self):  # what kernel_regularizer penalises
        return self.rnn.weight_ih_l0

    def order(self, blocks):
        """Keras gate blocks → torch's (LSTM i, f, g, o: the same; GRU z, r, h → r, z, n)."""
        return blocks if self.kind == "lstm" else [blocks[1], blocks[0], blocks[2]]

    def load(self, kernel, recurrent, bias):
        u = self.units
        split = lambda a: [a[..., k * u:(k + 1) * u] for k in range(a.shape[-1] // u)]  # noqa: E731
        with torch.no_grad():
            self.rnn.weight_ih_l0.copy_(torch.from_numpy(np.concatenate(self.order(split(kernel)), -1).T))
            self.rnn.weight_hh_l0.copy_(torch.from_numpy(np.concatenate(self.order(split(recurrent)), -1).T))
            if self.kind == "lstm":
                self.rnn.bias_ih_l0.copy_(torch.from_numpy(bias))
                self.rnn.bias_hh_l0.zero_()
            else:
                self.rnn.bias_ih_l0.copy_(torch.from_numpy(np.concatenate(self.order(split(bias[0])))))
                self.rnn.bias_hh_l0.copy_(torch.from_numpy(np.concatenate(self.order(split(bias[1])))))

    def weights(self):
        """Back to Keras's kernel [features, G·u], recurrent kernel [u, G·u] and bias."""
        u = self.units
        back = lambda w: np.concatenate(self.order([w[k * u:(k + 1) * u] for k in range(w.shape[0] // u)]), 0)  # noqa: E731
        w = {n: p.detach().cpu().numpy() for n, p in self.rnn.named_parameters()}
        kernel, recurrent = back(w["weight_ih_l0"]).T, back(w["weight_hh_l0"]).T
        if self.kind == "lstm":
            return [kernel, recurrent, w["bias_ih_l0"] + w["bias_hh_l0"]]
        return [kernel, recurrent, np.stack([back(w["bias_ih_l0"]), back(w["bias_hh_l0"])])]

    def forward(self, x):
        y, _ = self.rnn(x)
        return y if self.return_sequences else y[:, -1]


class Conv2D(nn.Module):
    """Keras Conv2D on NHWC images (kernel [k, k, channels, filters]); `same` pads as
    TensorFlow does (the odd one at the bottom/right)."""

    def __init__(self, channels, filters, k, strides, padding, activation, use_bias=True, l1=0.0, l2=0.0):
        super().__init__()
        self.kernel = nn.Parameter(torch.empty(k, k, channels, filters))
        nn.init.xavier_uniform_(self.kernel.view(k * k * channels, filters))
        self.bias = nn.Parameter(torch.zeros(filters)) if use_bias else None
        self.k, self.strides, self.padding = k, strides, padding
        self.activation, self.l1, self.l2 = ACTIVATIONS[activation], l1, l2

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        if self.padding == "same":
            pads = []
            for size in (x.shape[3], x.shape[2]):
                total = max((math.ceil(size / self.strides) - 1) * self.strides + self.k - size, 0)
                pads += [total // 2, total - total // 2]
            x = F.pad(x, pads)
        y = F.conv2d(x, self.kernel.permute(3, 2, 0, 1), self.bias, stride=self.strides)
        return self.activation(y.permute(0, 2, 3, 1))


class MaxPool2D(nn.Module):
    def __init__(self, pool, strides):
        super().__init__()
        self.pool = nn.MaxPool2d(pool, strides)

    def forward(self, x):
        return self.pool(x.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)


class Reshape(nn.Module):
    def __init__(self, shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


class Flatten(nn.Module):
    def forward(self, x):
        return x.reshape(x.shape[0], -1)


def build_model(input_shape):
    """Kindling's layers, one module each; `layers[I]` is Kindling's layer I."""
    return nn.Sequential(
{{LAYERS}}
    )


def loss_fn(p, y):
    {{LOSS}}


def penalty(model):
    """The kernel regularisers' l1·Σ|W| + l2·ΣW², added to the loss."""
    total = 0.0
    for m in model.modules():
        if getattr(m, "l1", 0) or getattr(m, "l2", 0):
            total = total + m.l1 * m.kernel.abs().sum() + m.l2 * (m.kernel ** 2).sum()
    return total


def load_weights(model, path):
    """Kindling's tensors `layers.I.kernel|recurrent_kernel|bias` into layer I."""
    tensors = load_file(path)
    for i, layer in enumerate(model):
        names = [f"layers.{i}.{n}" for n in ("kernel", "recurrent_kernel", "bias")]
        weights = [tensors[n] for n in names if n in tensors]
        if isinstance(layer, Recurrent):
            layer.load(*weights)
        elif weights:
            with torch.no_grad():
                layer.kernel.copy_(torch.from_numpy(weights[0]))
                if len(weights) > 1:
                    layer.bias.copy_(torch.from_numpy(weights[1]))


def save_weights(model, path):
    """The model's weights under the names load_weights reads (Keras layout)."""
    tensors = {}
    for i, layer in enumerate(model):
        if isinstance(layer, Recurrent):
            for name, w in zip(("kernel", "recurrent_kernel", "bias"), layer.weights()):
                tensors[f"layers.{i}.{name}"] = np.ascontiguousarray(w, np.float32)
        elif hasattr(layer, "kernel"):
            tensors[f"layers.{i}.kernel"] = layer.kernel.detach().cpu().numpy()
            if layer.bias is not None:
                tensors[f"layers.{i}.bias"] = layer.bias.detach().cpu().numpy()
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
    a = args.parse_args()

    distributed = "RANK" in os.environ  # started by torchrun
    if distributed:
        dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    rank = dist.get_rank() if distributed else 0
    device = torch.device(f"cuda:{os.environ.get('LOCAL_RANK', 0)}" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(SEED)
    np.random.seed(SEED)

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
    model.to(device)

    if a.predict and rank == 0:
        x, rows = pre.inputs(table)
        model.eval()
        with torch.no_grad():
            values = model(torch.from_numpy(x).to(device)).cpu().numpy()
        write_predictions(a.predict, pre.p, rows, pre.outputs(values))

    if a.epochs > 0:
        x, y = pre.targets(table)
        cut = len(x) - int(len(x) * VALIDATION)
        train = torch.utils.data.TensorDataset(torch.from_numpy(x[:cut]), torch.from_numpy(y[:cut]))
        sampler = torch.utils.data.DistributedSampler(train, seed=SEED) if distributed else None
        batch = len(train) if {{FULL_BATCH}} else a.batch_size
        loader = torch.utils.data.DataLoader(train, batch_size=batch, shuffle=sampler is None, sampler=sampler)
        net = nn.parallel.DistributedDataParallel(model) if distributed else model
        optimizer = {{OPTIMIZER}}
        patience = {{PATIENCE}}  # early stopping on val_loss, as Keras (None: off)
        best, best_state, waited = math.inf, None, 0
        for epoch in range(1, a.epochs + 1):
            if sampler is not None:
                sampler.set_epoch(epoch)
            net.train()
            total, seen = 0.0, 0
            for xb, yb in loader:
                xb, yb = xb.to(device), yb.to(device)
                optimizer.zero_grad()
                loss = loss_fn(net(xb), yb) + penalty(model)
                loss.backward()
                optimizer.step()
                total, seen = total + float(loss) * len(xb), seen + len(xb)
            model.eval()
            with torch.no_grad():
                xv, yv = torch.from_numpy(x[cut:]).to(device), torch.from_numpy(y[cut:]).to(device)
                val = float(loss_fn(model(xv), yv) + penalty(model)) if len(xv) else math.nan
            if rank == 0:
                print(f"epoch {epoch} loss {total / max(seen, 1):.6f} val_loss {val:.6f}", flush=True)
            if patience is not None:
                if val < best:
                    best, waited = val, 0
                    best_state = {k: v.clone() for k, v in model.state_dict().items()}
                else:
                    waited += 1
                    if waited >= patience:
                        break
        if patience is not None and {{RESTORE_BEST}} and best_state is not None:
            model.load_state_dict(best_state)
    if a.save and rank == 0:
        save_weights(model.cpu(), a.save)
    if distributed:
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
