using System.Diagnostics;
using EarlyWarning.EventStore;
using Microsoft.AspNetCore.Http;

namespace EarlyWarning.ServiceDefaults.Http;

/// <summary>The metadata of an event an HTTP request records: its trace, so the request and the event are one trace.</summary>
public static class RequestMetadata
{
    public static EventMetadata From(HttpContext context, string source)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EventMetadata
        {
            CorrelationId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
            TraceParent = Activity.Current?.Id,
            TraceState = Activity.Current?.TraceStateString,
            Source = source,
        };
    }
}
