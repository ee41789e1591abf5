print("consortium-bench: not yet implemented")
