namespace EarlyWarning.Testing;

/// <summary>A RabbitMQ virtual host of one test, deleted with everything in it when disposed.</summary>
public sealed class VirtualHost(string name, string uri) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>The AMQP URI for <c>ConnectionStrings:RabbitMq</c>.</summary>
    public string Uri { get; } = uri;

    public async ValueTask DisposeAsync() => await RabbitMqServer.DeleteVirtualHostAsync(Name);
}
