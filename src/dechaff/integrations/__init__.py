"""dechaff inside other corpus tools: a datatrove pipeline step
(:mod:`dechaff.integrations.datatrove`) and a Hugging Face ``datasets`` map function
(:mod:`dechaff.integrations.hf`). Each needs its tool installed; dechaff itself
imports neither.
"""
