namespace EarlyWarning.Cli.Partners;

/// <summary>What provisioning does to a partner's RabbitMQ user.</summary>
internal enum UserChange
{
    /// <summary>It exists, with no tags: left as it is, password included.</summary>
    None,

    /// <summary>It does not exist: created with a new password and no tags.</summary>
    Create,

    /// <summary>It exists and <c>--rotate</c> names the partner: a new password, and no tags.</summary>
    NewPassword,

    /// <summary>It exists with tags (e.g. management), which a partner's user must not have: removed, password kept.</summary>
    ClearTags,
}
