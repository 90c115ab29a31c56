using EarlyWarning.EventStore;
using EarlyWarning.Rules.Loading;
using EarlyWarning.Rules.Model;
using EarlyWarning.Rules.Processing;
using EarlyWarning.ServiceDefaults.Http;
using EarlyWarning.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EarlyWarning.Rules.Http;

/// <summary>
/// The rules service's API: the rule set in force with the service's progress, and operators' silences. A silence
/// is recorded on the <c>silences</c> stream; the engine reads it from there like any other input, so a request is
/// answered once the silence is durable, and the warnings it touches change when the engine reaches it.
/// </summary>
public static partial class RulesEndpoints
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rules", GetRulesAsync);

        // Operator authentication arrives with a later issue: it goes here, as RequireAuthorization on this group,
        // and createdBy and removedBy will then come from the operator's identity instead of the request.
        var silences = app.MapGroup("/api/silences");
        silences.MapGet("", GetSilencesAsync);
        silences.MapGet("/{id}", GetSilenceAsync);
        // Muting warnings is an operator's act: it needs an operator's key, like acknowledging one.
        silences.MapPost("", PostSilenceAsync).RequireScope(ApiScopes.Operator);
        silences.MapDelete("/{id}", DeleteSilenceAsync).RequireScope(ApiScopes.Operator);
        return app;
    }

    private static async Task<IResult> GetRulesAsync(IEventStore store, EventTypeRegistry registry, RuleSet loaded, RulesStatus status, CancellationToken cancellationToken)
    {
        var activation = await RuleSetInForce.ReadAsync(store, registry, cancellationToken).ConfigureAwait(false);
        if (activation is null)
        {
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "No rule set is in force yet",
                status.Failure is { } failure
                    ? $"The rules service could not activate its rule set: {failure}"
                    : "The rules service has not activated its rule set yet; ask again in a moment.");
        }

        RuleSet rules;
        try
        {
            rules = RuleSetInForce.Rules(activation, loaded);
        }
        catch (RuleSetException ex)
        {
            return Problems.Create(StatusCodes.Status500InternalServerError, "The rule set in force cannot be read",
                $"Rule set version {activation.Version} ({activation.Hash}) does not load with this version of the rules service: {ex.Message}");
        }
        return TypedResults.Ok(new RuleSetView(
            activation.Version, activation.Hash, activation.ActivatedAt, activation.ActivatedBy, rules.Rules.Select(RuleView.From).ToList(), RulesStatusView.From(status)));
    }
}
