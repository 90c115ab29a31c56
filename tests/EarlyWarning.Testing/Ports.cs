using System.Net;
using System.Net.Sockets;

namespace EarlyWarning.Testing;

public static class Ports
{
    /// <summary>A port of 127.0.0.1 free a moment ago: the operating system's pick, closed again.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
