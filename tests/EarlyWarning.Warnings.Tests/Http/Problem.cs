using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EarlyWarning.Warnings.Tests.Http;

/// <summary>Checks an answer is RFC 7807 problem details with the status and title a client can act on.</summary>
internal static class Problem
{
    public static async Task<JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string title, string? detailContains = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (detailContains is not null)
            Assert.Contains(detailContains, problem.TryGetProperty("detail", out var detail) ? detail.GetString() : problem.ToString(), StringComparison.Ordinal);
        return problem;
    }
}
