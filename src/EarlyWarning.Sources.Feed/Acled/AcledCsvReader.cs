using EarlyWarning.Sources.Feed.Csv;

namespace EarlyWarning.Sources.Feed.Acled;

/// <summary>
/// Reads an ACLED export: the header row names the columns (their order does not matter, extra columns
/// are ignored), then one row per event. A leading byte order mark is ignored.
/// </summary>
internal sealed class AcledCsvReader
{
    private readonly IEnumerator<CsvRecord> _records;
    private readonly Dictionary<string, int> _columns;
    private readonly int _width;

    private AcledCsvReader(IEnumerator<CsvRecord> records, Dictionary<string, int> columns, int width)
    {
        _records = records;
        _columns = columns;
        _width = width;
    }

    /// <summary>Reads the header row.</summary>
    /// <exception cref="CsvFormatException">The file is empty, a column appears twice or a required one is missing.</exception>
    public static AcledCsvReader Open(TextReader text)
    {
        var records = new CsvParser(text).ReadRecords().GetEnumerator();
        if (!records.MoveNext())
            throw new CsvFormatException("the file is empty: expected ACLED's header row (event_id_cnty,event_date,…)");
        var header = records.Current;
        if (header.Error is not null)
            throw new CsvFormatException($"line {header.Line}: the header row is malformed: {header.Error}");

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            // A BOM the decoder did not strip (a string, or a file read without detection) sticks to the first name.
            var name = header.Fields[i].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length == 0)
                continue;
            if (!columns.TryAdd(name, i))
                throw new CsvFormatException($"line {header.Line}: column '{name}' appears twice in the header");
        }
        var missing = AcledColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CsvFormatException(
                $"line {header.Line}: the header lacks ACLED's column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; is this an ACLED export?");
        }
        return new AcledCsvReader(records, columns, header.Fields.Count);
    }

    /// <summary>The rows after the header, each with the line it starts on.</summary>
    /// <exception cref="CsvFormatException">A quoted field is never closed.</exception>
    public IEnumerable<AcledRecord> ReadRows()
    {
        while (_records.MoveNext())
        {
            var record = _records.Current;
            if (record.Error is not null)
                yield return new MalformedRecord(record.Line, $"malformed CSV: {record.Error}");
            else if (record.Fields.Count != _width)
                yield return new MalformedRecord(record.Line, $"malformed CSV: {record.Fields.Count} field{(record.Fields.Count == 1 ? "" : "s")} where the header has {_width}; a comma or a quote is missing or extra");
            else
                yield return ToRow(record);
        }
    }

    private AcledRow ToRow(CsvRecord record)
    {
        string Get(string column) => _columns.TryGetValue(column, out var index) ? record.Fields[index].Trim() : "";

        return new AcledRow(record.Line)
        {
            EventIdCnty = Get(AcledColumns.EventIdCnty),
            EventDate = Get(AcledColumns.EventDate),
            Year = Get(AcledColumns.Year),
            TimePrecision = Get(AcledColumns.TimePrecision),
            DisorderType = Get(AcledColumns.DisorderType),
            EventType = Get(AcledColumns.EventType),
            SubEventType = Get(AcledColumns.SubEventType),
            Actor1 = Get(AcledColumns.Actor1),
            AssocActor1 = Get(AcledColumns.AssocActor1),
            Inter1 = Get(AcledColumns.Inter1),
            Actor2 = Get(AcledColumns.Actor2),
            AssocActor2 = Get(AcledColumns.AssocActor2),
            Inter2 = Get(AcledColumns.Inter2),
            Interaction = Get(AcledColumns.Interaction),
            CivilianTargeting = Get(AcledColumns.CivilianTargeting),
            Iso = Get(AcledColumns.Iso),
            Region = Get(AcledColumns.Region),
            Country = Get(AcledColumns.Country),
            Admin1 = Get(AcledColumns.Admin1),
            Admin2 = Get(AcledColumns.Admin2),
            Admin3 = Get(AcledColumns.Admin3),
            Location = Get(AcledColumns.Location),
            Latitude = Get(AcledColumns.Latitude),
            Longitude = Get(AcledColumns.Longitude),
            GeoPrecision = Get(AcledColumns.GeoPrecision),
            Source = Get(AcledColumns.Source),
            SourceScale = Get(AcledColumns.SourceScale),
            Notes = Get(AcledColumns.Notes),
            Fatalities = Get(AcledColumns.Fatalities),
            Tags = Get(AcledColumns.Tags),
            Timestamp = Get(AcledColumns.Timestamp),
        };
    }
}
