using System.Net;
using System.Net.Http.Headers;
using EarlyWarning.Dispatch.Delivery;

namespace EarlyWarning.Dispatch.Tests.Delivery;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    [Fact]
    public void Seconds_are_taken_as_they_are()
    {
        using var response = Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), EndpointPipelines.RetryAfter(response, Max, Now));
    }

    [Fact]
    public void A_date_is_counted_from_now()
    {
        using var response = Answer(new RetryConditionHeaderValue(Now.AddSeconds(30)));

        Assert.Equal(TimeSpan.FromSeconds(30), EndpointPipelines.RetryAfter(response, Max, Now));
    }

    [Fact]
    public void A_wait_longer_than_the_policy_allows_is_cut_to_its_maximum_and_a_past_date_means_at_once()
    {
        using var far = Answer(new RetryConditionHeaderValue(TimeSpan.FromHours(2)));
        using var past = Answer(new RetryConditionHeaderValue(Now.AddMinutes(-5)));

        Assert.Equal(Max, EndpointPipelines.RetryAfter(far, Max, Now));
        Assert.Equal(TimeSpan.Zero, EndpointPipelines.RetryAfter(past, Max, Now));
    }

    [Fact]
    public void Without_the_header_the_policy_s_own_back_off_applies()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Null(EndpointPipelines.RetryAfter(response, Max, Now));
        Assert.Null(EndpointPipelines.RetryAfter(null, Max, Now));
    }

    private static HttpResponseMessage Answer(RetryConditionHeaderValue retryAfter) =>
        new(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = retryAfter } };
}
