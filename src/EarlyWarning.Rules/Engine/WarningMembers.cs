using EarlyWarning.Contracts.Warnings;

namespace EarlyWarning.Rules.Engine;

/// <summary>
/// The incidents of one version of a warning: the first <see cref="Count"/> members of its episode's member list,
/// a prefix that never changes however the episode goes on (<see cref="MemberList"/>), so its listed incidents and
/// districts can be worked out when the version is written, not whenever the episode grows.
/// </summary>
internal sealed class WarningMembers(MemberList.Prefix members)
{
    private const int SearchedInTurn = 16;

    private List<WarningIncident>? _listed;
    private List<string>? _districtIds;

    public int Count => members.Count;

    /// <summary>Whether this holds the same members as <paramref name="prefix"/>.</summary>
    public bool Is(MemberList.Prefix prefix) => members.Is(prefix);

    /// <summary>The first <see cref="WarningSnapshot.MaxListedIncidents"/> members, as a warning lists them.</summary>
    public IReadOnlyList<WarningIncident> Listed
    {
        get
        {
            if (_listed is null)
            {
                var n = Math.Min(Count, WarningSnapshot.MaxListedIncidents);
                var listed = new List<WarningIncident>(n);
                for (var i = 0; i < n; i++)
                    listed.Add(members[i].Listed);
                _listed = listed;
            }
            return _listed;
        }
    }

    /// <summary>The distinct districts of all members, sorted.</summary>
    public IReadOnlyList<string> DistrictIds
    {
        get
        {
            if (_districtIds is null)
            {
                // Most warnings' incidents are in a few districts: a list searched in turn finds a district faster
                // than a set hashes it (they are mostly the decoder's or the gazetteer's same instances, equal by
                // reference). Past a few, a set keeps a province-wide episode of hundreds from searching each time.
                var districts = new List<string>(Math.Min(Count, 8));
                HashSet<string>? seen = null;
                for (var i = 0; i < Count; i++)
                {
                    var district = members[i].Incident.Location.DistrictId;
                    if (seen is not null ? !seen.Add(district) : districts.Contains(district))
                        continue;
                    districts.Add(district);
                    if (seen is null && districts.Count == SearchedInTurn)
                        seen = new HashSet<string>(districts, StringComparer.Ordinal);
                }
                districts.Sort(StringComparer.Ordinal);
                _districtIds = districts;
            }
            return _districtIds;
        }
    }

    /// <summary>Whether a reader sees the same incidents and districts in both (the counts being equal).</summary>
    public bool SameAs(WarningMembers other) =>
        ReferenceEquals(this, other)
        || (Count == other.Count && Listed.SequenceEqual(other.Listed) && DistrictIds.SequenceEqual(other.DistrictIds));
}
