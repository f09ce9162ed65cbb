__buildSiteSearch("index",{"version":1,"documents":76,"chunk":16,"shards":3,"collections":["Organizations","People","Sources","Timeline"]});
