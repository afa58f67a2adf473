"""Runs scripts/torch-parity/cases.json in PyTorch (float64) and writes torch-trajectories.json.

Usage (on any machine with PyTorch; Gradscape's CI does not need it, it reads the committed
result):  python3 scripts/torch-parity/torch_parity.py [--add-missing] [out.json]
--add-missing keeps the committed trajectories and runs only the cases they lack; each case
records the torch that produced it under "sources".
The surfaces are written out here as in src/core/objectives (Rosenbrock a=1, b=100; Beale;
Himmelblau; Booth).

NAdam before PyTorch 2.0 had a bug (fixed by pytorch/pytorch#92699): its single-tensor step
computed mu_product_next = mu_product * mu * mu_next, counting mu_t twice in the bias correction
of the momentum term. On Debian's torch 1.13 that moves NAdam trajectories by 1e-5 to 6e-3
relative within 200 steps (Rosenbrock, Beale, Himmelblau, Booth at lr 0.01). Gradscape follows
the fixed algorithm (torch >= 2.0). On an older torch this script applies that one-line fix
and says so in "sources".
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


def himmelblau(p):
    x, y = p[0], p[1]
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


def booth(p):
    x, y = p[0], p[1]
    return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2


SURFACES = {"rosenbrock": rosenbrock, "beale": beale, "himmelblau": himmelblau, "booth": booth}


def torch_label():
    """Applies pytorch#92699 to a pre-2.0 NAdam; returns the provenance of this run."""
    major = int(torch.__version__.split(".")[0])
    if major >= 2:
        return f"torch {torch.__version__}"
    import inspect
    import torch.optim.nadam as nadam_module

    buggy = "mu_product_next = mu_product * mu * mu_next"
    src = inspect.getsource(nadam_module._single_tensor_nadam)
    if buggy not in src:
        raise SystemExit(f"torch {torch.__version__}: NAdam source changed, check it by hand")
    namespace = dict(nadam_module.__dict__)
    exec(src.replace(buggy, "mu_product_next = mu_product * mu_next"), namespace)  # noqa: S102
    nadam_module._single_tensor_nadam = namespace["_single_tensor_nadam"]
    print(f"torch {torch.__version__} predates pytorch#92699: its NAdam fix is applied")
    return f"torch {torch.__version__} with pytorch#92699 (NAdam mu_product_next) applied"


def run_case(case, steps):
    p = torch.tensor([float(v) for v in case["start"]], dtype=torch.float64, requires_grad=True)
    spec = case["torch"]
    kwargs = dict(spec["kwargs"])
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    if spec["class"] == "NAdam":
        kwargs.setdefault("foreach", False)  # the single-tensor step, the one the fix patches
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
    args = [a for a in sys.argv[1:] if a != "--add-missing"]
    add_missing = "--add-missing" in sys.argv[1:]
    with open(os.path.join(HERE, "cases.json")) as fh:
        spec = json.load(fh)
    path = args[0] if args else os.path.join(HERE, "torch-trajectories.json")
    label = torch_label()
    out = {"torch": torch.__version__, "python": sys.version.split()[0], "steps": spec["steps"], "trajectories": {}, "sources": {}}
    if add_missing:
        with open(path) as fh:
            out = json.load(fh)
        out.setdefault("sources", {})
    for c in spec["cases"]:
        if add_missing and c["name"] in out["trajectories"]:
            out["sources"].setdefault(c["name"], f"torch {out['torch']}")
            continue
        out["trajectories"][c["name"]] = run_case(c, c.get("steps", spec["steps"]))
        out["sources"][c["name"]] = label
    with open(path, "w") as fh:
        json.dump(out, fh)
    print(f"wrote {path}: {len(out['trajectories'])} cases ({label} for the new ones)")


if __name__ == "__main__":
    main()
