"""Reference values for src/train/optimizer.rs's tests, from Keras's own optimizers.

Run: python3 -m venv v && v/bin/pip install keras==3.15.1 jax==0.10.2
     KERAS_BACKEND=jax v/bin/python scripts/reference/keras_optimizers.py
Each optimizer starts from w = [1.0, -0.5, 0.25] (float32) and applies the same fixed gradient
sequence (not the gradient of any function, so every step is checked on its own); the printed
iterates are pasted into the Rust tests.

The decay rates are dyadic (0.875, 1 - 2^-10) so that they are exact in float32: Keras computes
`1 - beta` from the Python float (in float64) while an experiment's beta is read as float32, and for
0.9 / 0.999 the two differ in the 7th digit, which would hide a wrong epsilon placement.
"""
import keras
import numpy as np

GRADS = [
    [0.5, -1.0, 2.0],
    [0.25, 0.75, -1.5],
    [-2.0, 0.125, 0.0],
    [1.0, -0.5, 3.0],
]

OPTIMIZERS = {
    "sgd_plain": keras.optimizers.SGD(learning_rate=0.1),
    "sgd_momentum": keras.optimizers.SGD(learning_rate=0.1, momentum=0.5),
    "sgd_nesterov": keras.optimizers.SGD(learning_rate=0.1, momentum=0.5, nesterov=True),
    "adam": keras.optimizers.Adam(learning_rate=0.1, beta_1=0.875, beta_2=1 - 2**-10, epsilon=1e-7),
    "rmsprop": keras.optimizers.RMSprop(learning_rate=0.01, rho=0.875, epsilon=1e-7),
}

for name, opt in OPTIMIZERS.items():
    w = keras.Variable(np.array([1.0, -0.5, 0.25], dtype="float32"))
    steps = []
    for g in GRADS:
        opt.apply_gradients([(np.array(g, dtype="float32"), w)])
        steps.append([repr(float(x)) for x in np.asarray(w)])
    print(name)
    for s in steps:
        print("    [" + ", ".join(s) + "],")
