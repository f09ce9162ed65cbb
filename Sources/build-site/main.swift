import BuildSiteCLI

BuildSiteCommand.main()
