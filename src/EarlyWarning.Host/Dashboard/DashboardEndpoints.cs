using Microsoft.Extensions.FileProviders;

namespace EarlyWarning.Host.Dashboard;

/// <summary>
/// The dashboard: the page at <c>/</c>, its script, style and map under <c>/dashboard/</c>. The files are copied
/// beside the program (<c>dashboard/</c> in the build output, see the project file), because ServiceHost makes the
/// program's folder the content root for <c>dotnet run</c> and the built program alike. The page reads the warnings
/// API (<c>/api/picture</c>, <c>/api/live</c>, <c>/api/warnings/{id}/ack</c>); it needs nothing else.
/// </summary>
internal static class DashboardEndpoints
{
    public const string Folder = "dashboard";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, Folder);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.MapGet("/", () => Results.Problem(
                title: "The dashboard is not installed",
                detail: $"No {Path.Combine(root, "index.html")}: the build copies it there from src/EarlyWarning.Host/Dashboard/Assets.",
                statusCode: StatusCodes.Status500InternalServerError));
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = "/" + Folder,
            // Revalidate every time: after an upgrade an operator's browser must not keep an old script.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.File(files.GetFileInfo("index.html").PhysicalPath!, "text/html; charset=utf-8");
        });
        return app;
    }
}
