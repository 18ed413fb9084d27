from claimex.cli import main

main()
