import BuildSiteCLI

await BuildSiteCommand.main()
