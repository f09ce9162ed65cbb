__buildSiteSearch("index",{"version":1,"documents":75,"chunk":16,"shards":3,"collections":["Organizations","People","Sources","Timeline"]});
