namespace EarlyWarning.Sources.Feed.Importing;

/// <summary>Publishing stopped part way; <see cref="Published"/> reports had been confirmed.</summary>
internal sealed class PublishFailedException(int published, int total, Exception inner)
    : Exception($"publishing stopped after {published} of {total} reports: {inner.Message}", inner)
{
    public int Published { get; } = published;

    public int Total { get; } = total;
}
