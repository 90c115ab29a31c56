using Npgsql;

namespace EarlyWarning.Testing;

/// <summary>
/// The real PostgreSQL server the tests run against: EW_TEST_POSTGRES, as ./tests/run.sh sets it. Unreachable
/// is a failure with a clear message, never a skip.
/// </summary>
public static class PostgresServer
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=earlywarning;Password=earlywarning;Database=earlywarning";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("EW_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    public static async Task EnsureReachableAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            throw new InvalidOperationException(
                $"PostgreSQL is required at {builder.Host}:{builder.Port}/{builder.Database} (EW_TEST_POSTGRES) and cannot be reached: {ex.Message}. Run ./tests/run.sh, which starts it.", ex);
        }
    }

    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N");

    public static async Task DropSchemasAsync(IEnumerable<string> schemas)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
