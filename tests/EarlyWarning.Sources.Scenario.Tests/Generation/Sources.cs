namespace EarlyWarning.Sources.Scenario.Tests.Generation;

/// <summary>A reporting source of the scenario: its id, how its report ids look, its Admiralty grades.</summary>
internal sealed record Source(string Id, string Prefix, string Reliability, int[] Credibilities);

/// <summary>The scenario's sources, official and press, with the grades an analyst would give them.</summary>
internal static class Sources
{
    public static readonly Source Ispr = new("ispr", "ISPR", "B", [2, 2, 3]);
    public static readonly Source BalochistanPolice = new("balochistan-police", "BP", "B", [2, 3]);
    public static readonly Source CtdBalochistan = new("ctd-balochistan", "CTDB", "B", [2, 3]);
    public static readonly Source FcBalochistan = new("fc-balochistan", "FCB", "B", [2, 3]);
    public static readonly Source Levies = new("levies-balochistan", "LEV", "C", [3]);
    public static readonly Source HomeDepartment = new("balochistan-home-dept", "HD", "B", [2]);
    public static readonly Source BalochistanGovernment = new("balochistan-govt", "GOB", "B", [2, 3]);
    public static readonly Source KpPolice = new("kp-police", "KPP", "B", [2, 3]);
    public static readonly Source CtdKp = new("ctd-kp", "CTDKP", "B", [2, 3]);
    public static readonly Source PunjabCtd = new("punjab-ctd", "CTDP", "B", [2]);
    public static readonly Source SindhPolice = new("sindh-police", "SP", "B", [2, 3]);
    public static readonly Source IslamabadPolice = new("islamabad-police", "ICTP", "B", [2]);
    public static readonly Source GbPolice = new("gb-police", "GBP", "B", [3]);
    public static readonly Source Dawn = new("dawn-news", "dawn", "B", [2, 3]);
    public static readonly Source ExpressTribune = new("express-tribune", "et", "C", [3]);
    public static readonly Source Geo = new("geo-news", "geo", "C", [3]);
    public static readonly Source BalochistanPost = new("the-balochistan-post", "tbp", "D", [3, 4]);
    public static readonly Source KhorasanDiary = new("khorasan-diary", "kd", "C", [3]);
    public static readonly Source MediaMonitor = new("media-monitor", "MM", "C", [2, 3]);
    public static readonly Source SocialMonitor = new("social-monitor", "SM", "E", [4, 5]);

    public static IReadOnlyList<(Source Item, int Weight)> For(Region region) => region switch
    {
        Region.Balochistan =>
        [
            (BalochistanPolice, 20), (CtdBalochistan, 8), (FcBalochistan, 10), (Levies, 8), (Ispr, 10),
            (Dawn, 12), (ExpressTribune, 6), (Geo, 6), (BalochistanPost, 8), (HomeDepartment, 3),
        ],
        Region.KhyberPakhtunkhwa =>
        [
            (KpPolice, 25), (CtdKp, 10), (Ispr, 15), (Dawn, 15), (ExpressTribune, 8), (Geo, 7), (KhorasanDiary, 8),
        ],
        Region.Punjab => [(PunjabCtd, 40), (Dawn, 30), (Geo, 30)],
        Region.Sindh => [(SindhPolice, 50), (Dawn, 30), (Geo, 20)],
        Region.Islamabad => [(IslamabadPolice, 60), (Dawn, 40)],
        _ => [(GbPolice, 60), (Dawn, 40)],
    };
}
