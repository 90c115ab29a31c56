using System.Text.RegularExpressions;

namespace EarlyWarning.EventStore.Postgres;

/// <summary>Where the PostgreSQL store lives.</summary>
/// <param name="ConnectionString">An Npgsql connection string.</param>
public sealed partial record PostgresEventStoreSettings(string ConnectionString)
{
    private readonly string _schema = "eventstore";

    /// <summary>The schema holding the store's tables; several stores can share a database.</summary>
    public string Schema
    {
        get => _schema;
        init => _schema = IdentifierPattern().IsMatch(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid schema name: lower-case letters, digits and _, starting with a letter or _, at most 63 characters.", nameof(value));
    }

    /// <summary>The NOTIFY channel live subscriptions listen on.</summary>
    public string Channel => $"ew_events_{Schema}";

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
