import ConsortiumCLI

runConsortium()
