// The warning snapshots of the warnings API's tests; a plain "Warnings" would be the EarlyWarning.Warnings namespace here.
global using SampleWarnings = EarlyWarning.Warnings.Tests.Http.Warnings;
