"""Runs scripts/torch-parity/cases.json in PyTorch (float64) and writes torch-trajectories.json.

Usage (on any machine with PyTorch; Gradscape's CI does not need it, it reads the committed
result):  python3 scripts/torch-parity/torch_parity.py
The surfaces are written out here as in src/core/objectives (Rosenbrock a=1, b=100; Beale).
"""
import json
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


SURFACES = {"rosenbrock": rosenbrock, "beale": beale}


def run_case(case, steps):
    p = torch.tensor(case["start"], dtype=torch.float64, requires_grad=True)
    spec = case["torch"]
    kwargs = dict(spec["kwargs"])
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    opt = getattr(torch.optim, spec["class"])([p], **kwargs)
    sched = None
    if "scheduler" in spec:
        s = spec["scheduler"]
        sched = getattr(torch.optim.lr_scheduler, s["class"])(opt, **s["kwargs"])
    f = SURFACES[case["objective"]]
    traj = [p.detach().tolist()]
    for _ in range(steps):
        opt.zero_grad()
        loss = f(p)
        loss.backward()
        if "clip" in spec:
            torch.nn.utils.clip_grad_norm_([p], spec["clip"])
        opt.step()
        if sched is not None:
            sched.step()
        traj.append(p.detach().tolist())
    return traj


def main():
    with open(os.path.join(HERE, "cases.json")) as fh:
        spec = json.load(fh)
    out = {
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "steps": spec["steps"],
        "trajectories": {c["name"]: run_case(c, spec["steps"]) for c in spec["cases"]},
    }
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "torch-trajectories.json")
    with open(path, "w") as fh:
        json.dump(out, fh)
    print(f"wrote {path}: {len(out['trajectories'])} cases, torch {torch.__version__}")


if __name__ == "__main__":
    main()
