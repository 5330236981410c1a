//! Reads the configuration, then serves or runs a one-off command.

use std::process::ExitCode;

use clap::Parser;
use wta_academy::cli::{
    self, CertificateCommand, Cli, Command, ContentCommand, EnrollCommand, StorageCommand, UserCommand,
};
use wta_academy::config::{Config, LogFormat};

// Rendering a page allocates many small maps and strings; mimalloc serves them faster than
// the system allocator (measured with benches/load/run).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("WTA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,rocket=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

#[rocket::main]
async fn main() -> ExitCode {
    let args = Cli::parse();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    init_logging(config.log_format);
    let result = match args.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo: false } => serve(config).await,
        Command::Serve { demo: true } => match cli::demo(config.clone(), None).await {
            Ok(()) => serve(config).await,
            Err(e) => Err(e),
        },
        Command::Migrate => cli::migrate(&config).await,
        Command::User(UserCommand::Add(a)) => cli::user_add(config, a).await,
        Command::User(UserCommand::SetRole(a)) => cli::user_set_role(config, a).await,
        Command::Content(ContentCommand::Check { dir }) => cli::content_check(&dir),
        Command::Content(ContentCommand::Import { dir }) => cli::content_import(&config, &dir).await,
        Command::Demo { scale } => cli::demo(config, scale).await,
        Command::Storage(StorageCommand::Verify) => cli::storage_verify(config).await,
        Command::Storage(StorageCommand::Gc) => cli::storage_gc(config).await,
        Command::Certificate(CertificateCommand::Preview(a)) => cli::certificate_preview(config, a).await,
        Command::Enroll(EnrollCommand::Import { edition, file, dry_run }) => {
            cli::enroll_import(config, &edition, &file, dry_run).await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::CliError(message)) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> Result<(), cli::CliError> {
    let url = config.public_url.to_string();
    let rocket = wta_academy::app::build(config).await?;
    let rocket = rocket.ignite().await?;
    tracing::info!(%url, "wta-academy is listening");
    rocket.launch().await?;
    Ok(())
}
