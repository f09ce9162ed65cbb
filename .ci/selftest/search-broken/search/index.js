__buildSiteSearch("index",{"version":1,"documents":4,"chunk":16,"shards":1,"collections":[]});
