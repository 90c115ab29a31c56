namespace EarlyWarning.Sources.Scenario.Tests.Generation;

internal enum Region
{
    Balochistan,
    KhyberPakhtunkhwa,
    Punjab,
    Sindh,
    Islamabad,
    GilgitBaltistan,
}

/// <summary>A district the background draws incidents in, with the places reports name there.</summary>
/// <param name="Province">The province as reports spell it.</param>
/// <param name="Name">The district as reports spell it.</param>
/// <param name="Places">Places the gazetteer knows in it (a report names one about half the time).</param>
/// <param name="Weight">How often incidents fall there, relative to the region's other districts.</param>
/// <param name="Border">On the Afghan or Iranian border: cross-border fire is drawn only there.</param>
internal sealed record DistrictSpec(Region Region, string Province, string Name, string[] Places, int Weight, bool Border = false);

/// <summary>
/// Where the background's incidents fall, weighted after the published pattern: most in Khyber Pakhtunkhwa's
/// south and tribal districts and in Balochistan's south-west and centre, a few in the other provinces. The
/// names are spelled as the gazetteer knows them and kept here, not read from it, so that a later gazetteer
/// edit does not change the generated file.
/// </summary>
internal static class Districts
{
    private const string Kp = "Khyber Pakhtunkhwa";
    private const string Bal = "Balochistan";

    public static readonly IReadOnlyList<DistrictSpec> All =
    [
        new(Region.KhyberPakhtunkhwa, Kp, "North Waziristan", ["Miranshah", "Mir Ali", "Datta Khel", "Razmak"], 14, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Bannu", ["Bannu"], 10),
        new(Region.KhyberPakhtunkhwa, Kp, "Dera Ismail Khan", ["Dera Ismail Khan", "Kulachi", "Paharpur", "Darazinda"], 10),
        new(Region.KhyberPakhtunkhwa, Kp, "Lakki Marwat", ["Lakki Marwat", "Sarai Naurang"], 7),
        new(Region.KhyberPakhtunkhwa, Kp, "Khyber", ["Landi Kotal", "Jamrud", "Bara", "Tirah"], 7, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Peshawar", ["Peshawar"], 6),
        new(Region.KhyberPakhtunkhwa, Kp, "Kurram", ["Parachinar", "Alizai"], 5, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Bajaur", ["Khar"], 5, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Lower South Waziristan", ["Wana"], 4, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Upper South Waziristan", [], 3, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Tank", ["Tank"], 4),
        new(Region.KhyberPakhtunkhwa, Kp, "Mohmand", [], 2, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Kohat", ["Kohat", "Darra Adam Khel"], 2),
        new(Region.KhyberPakhtunkhwa, Kp, "Karak", ["Karak"], 2),
        new(Region.KhyberPakhtunkhwa, Kp, "Hangu", ["Hangu", "Doaba"], 2),
        new(Region.KhyberPakhtunkhwa, Kp, "Orakzai", [], 2),
        new(Region.KhyberPakhtunkhwa, Kp, "Lower Dir", ["Timergara"], 2),
        new(Region.KhyberPakhtunkhwa, Kp, "Swat", ["Mingora"], 1),
        new(Region.KhyberPakhtunkhwa, Kp, "Lower Chitral", ["Chitral"], 1, Border: true),
        new(Region.KhyberPakhtunkhwa, Kp, "Mardan", ["Mardan"], 1),
        new(Region.KhyberPakhtunkhwa, Kp, "Charsadda", [], 1),
        new(Region.KhyberPakhtunkhwa, Kp, "Nowshera", [], 1),

        new(Region.Balochistan, Bal, "Kech", ["Turbat", "Tump"], 8, Border: true),
        new(Region.Balochistan, Bal, "Quetta", ["Quetta"], 8),
        new(Region.Balochistan, Bal, "Gwadar", ["Gwadar", "Pasni", "Ormara", "Jiwani"], 5, Border: true),
        new(Region.Balochistan, Bal, "Panjgur", ["Panjgur", "Tasp"], 4, Border: true),
        new(Region.Balochistan, Bal, "Kachhi", ["Mach", "Dhadar", "Bhag"], 4),
        new(Region.Balochistan, Bal, "Mastung", ["Mastung"], 4),
        new(Region.Balochistan, Bal, "Khuzdar", ["Khuzdar"], 4),
        new(Region.Balochistan, Bal, "Kalat", ["Kalat"], 3),
        new(Region.Balochistan, Bal, "Dera Bugti", ["Sui", "Dera Bugti"], 3),
        new(Region.Balochistan, Bal, "Zhob", ["Zhob"], 3),
        new(Region.Balochistan, Bal, "Kharan", ["Kharan"], 2),
        new(Region.Balochistan, Bal, "Nushki", ["Nushki"], 2),
        new(Region.Balochistan, Bal, "Washuk", ["Nag", "Mashkel", "Besima"], 2, Border: true),
        new(Region.Balochistan, Bal, "Chagai", ["Dalbandin", "Nok Kundi"], 2, Border: true),
        new(Region.Balochistan, Bal, "Awaran", ["Awaran"], 2),
        new(Region.Balochistan, Bal, "Lasbela", ["Bela", "Uthal"], 2),
        new(Region.Balochistan, Bal, "Kohlu", ["Kohlu"], 2),
        new(Region.Balochistan, Bal, "Sibi", ["Sibi"], 2),
        new(Region.Balochistan, Bal, "Harnai", ["Harnai"], 2),
        new(Region.Balochistan, Bal, "Duki", ["Duki"], 2),
        new(Region.Balochistan, Bal, "Loralai", ["Loralai"], 2),
        new(Region.Balochistan, Bal, "Musakhel", ["Musakhel Bazar"], 2),
        new(Region.Balochistan, Bal, "Chaman", ["Chaman"], 2, Border: true),
        new(Region.Balochistan, Bal, "Hub", ["Hub"], 1),
        new(Region.Balochistan, Bal, "Sherani", [], 1),
        new(Region.Balochistan, Bal, "Killa Saifullah", ["Muslim Bagh"], 1),
        new(Region.Balochistan, Bal, "Killa Abdullah", [], 1, Border: true),
        new(Region.Balochistan, Bal, "Pishin", ["Pishin"], 1),
        new(Region.Balochistan, Bal, "Nasirabad", ["Dera Murad Jamali"], 1),
        new(Region.Balochistan, Bal, "Jaffarabad", ["Dera Allahyar"], 1),
        new(Region.Balochistan, Bal, "Surab", ["Surab"], 1),
        new(Region.Balochistan, Bal, "Barkhan", [], 1),
        new(Region.Balochistan, Bal, "Jhal Magsi", ["Gandava"], 1),
        new(Region.Balochistan, Bal, "Ziarat", [], 1),

        new(Region.Punjab, "Punjab", "Dera Ghazi Khan", [], 3),
        new(Region.Punjab, "Punjab", "Mianwali", [], 2),
        new(Region.Punjab, "Punjab", "Rawalpindi", [], 1),
        new(Region.Punjab, "Punjab", "Lahore", [], 1),
        new(Region.Punjab, "Punjab", "Bhakkar", [], 1),
        new(Region.Punjab, "Punjab", "Rajanpur", [], 1),
        new(Region.Sindh, "Sindh", "Karachi East", [], 2),
        new(Region.Sindh, "Sindh", "Karachi South", [], 1),
        new(Region.Sindh, "Sindh", "Keamari", [], 1),
        new(Region.Sindh, "Sindh", "Kashmore", [], 2),
        new(Region.Sindh, "Sindh", "Shikarpur", [], 1),
        new(Region.Sindh, "Sindh", "Jacobabad", [], 1),
        new(Region.Islamabad, "Islamabad Capital Territory", "Islamabad", [], 2),
        new(Region.GilgitBaltistan, "Gilgit-Baltistan", "Diamer", [], 1),
    ];

    /// <summary>The districts of Khyber Pakhtunkhwa and Balochistan, with Khyber Pakhtunkhwa weighted to about 55 % of them.</summary>
    public static IReadOnlyList<(DistrictSpec Item, int Weight)> Home { get; } =
        All.Where(d => d.Region == Region.KhyberPakhtunkhwa).Select(d => (d, d.Weight * 55 * Total(Region.Balochistan)))
            .Concat(All.Where(d => d.Region == Region.Balochistan).Select(d => (d, d.Weight * 45 * Total(Region.KhyberPakhtunkhwa))))
            .ToList();

    /// <summary>The districts of the other provinces and territories.</summary>
    public static IReadOnlyList<(DistrictSpec Item, int Weight)> Elsewhere { get; } =
        All.Where(d => d.Region is not (Region.KhyberPakhtunkhwa or Region.Balochistan)).Select(d => (d, d.Weight)).ToList();

    private static int Total(Region region) => All.Where(d => d.Region == region).Sum(d => d.Weight);
}
