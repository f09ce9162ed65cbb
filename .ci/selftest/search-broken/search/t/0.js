__buildSiteSearch("t/0",{});
