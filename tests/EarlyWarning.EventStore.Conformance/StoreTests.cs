using EarlyWarning.EventStore;
using Xunit;

namespace EarlyWarning.EventStore.Conformance;

/// <summary>Base of every capability class: each test gets its own fresh store, disposed afterwards.</summary>
public abstract class StoreTests<THarness>(THarness harness) : IClassFixture<THarness>, IAsyncLifetime
    where THarness : class, IStoreHarness
{
    private readonly List<IEventStore> _opened = [];

    protected THarness Harness { get; } = harness;

    protected IEventStore Store { get; private set; } = null!;

    protected string Location { get; private set; } = null!;

    protected virtual EventStoreOptions? Options => null;

    public async Task InitializeAsync()
    {
        Location = await Harness.NewLocationAsync();
        Store = await OpenAsync();
    }

    protected async Task<IEventStore> OpenAsync(EventStoreOptions? options = null)
    {
        var store = await Harness.OpenAsync(Location, options ?? Options);
        _opened.Add(store);
        return store;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
            await store.DisposeAsync();
    }
}
