namespace EarlyWarning.Dispatch.Delivery;

/// <summary>Where a receiver reads more about the warning: the warnings API and its CAP 1.2 alert.</summary>
public sealed record WebhookLinks(string Warning, string Cap)
{
    public static WebhookLinks For(string warningId, Uri? publicUrl)
    {
        var path = $"/api/warnings/{Uri.EscapeDataString(warningId)}";
        var root = publicUrl?.GetLeftPart(UriPartial.Path).TrimEnd('/') ?? "";
        return new WebhookLinks(root + path, root + path + "/cap");
    }
}
