__buildSiteSearch("d/0",[["about/","About Altman",-1,"","Sam Altman, in brief. Back home."],
["","Home",-1,"","A sample site for the search check. See about or search."],
["stargate/","Stargate announced",-1,"","Altman and others announce Stargate. Back home."],
["zh/","马斯克与奥特曼",-1,"","马斯克和奥特曼. Back home."]]);
