from ptdv.cli import main

main()
