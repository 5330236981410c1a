//! Administrators manage accounts: search, roles, deactivation.

use rocket::response::{Flash, Redirect};
use rocket::{Route, get, post, routes};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::domain::role::Role;
use crate::error::AppError;
use crate::msg;
use crate::repo;
use crate::services::{ServiceError, users_admin};
use crate::web::csrf::CsrfForm;
use crate::web::guards::Admin;
use crate::web::page::HtmlPage;
use crate::web::view::Ctx;

pub fn routes() -> Vec<Route> {
    routes![list, set_role, set_active]
}

const PAGE_SIZE: i64 = 50;

#[get("/admin/users?<q>&<page>")]
async fn list(ctx: Ctx<'_>, _admin: Admin, q: Option<&str>, page: Option<i64>) -> Result<HtmlPage, AppError> {
    let q = q.unwrap_or_default().trim();
    let page = page.unwrap_or(1).clamp(1, 1_000_000);
    let mut conn = ctx.state.db.pool.acquire().await?;
    let (users, total) = repo::users::search(&mut conn, q, PAGE_SIZE, (page - 1) * PAGE_SIZE).await?;
    let rows: Vec<Value> = users
        .iter()
        .map(|u| {
            json!({
                "id": u.id,
                "email": u.email,
                "display_name": u.display_name,
                "is_active": u.is_active,
                "roles": Role::ALL.iter().map(|r| json!({
                    "code": r.as_str(), "name": ctx.t(&format!("role-{}", r.as_str())), "selected": *r == u.role,
                })).collect::<Vec<_>>(),
                "role_name": ctx.t(&format!("role-{}", u.role.as_str())),
            })
        })
        .collect();
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let link = |p: i64| {
        format!("/admin/users?q={}&page={p}", url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>())
    };
    Ok(ctx.render(
        "admin/users",
        json!({
            "q": q,
            "users": rows,
            "total": total,
            "page": page,
            "pages": pages,
            "prev": (page > 1).then(|| link(page - 1)),
            "next": (page < pages).then(|| link(page + 1)),
        }),
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RoleForm {
    role: String,
}

#[post("/admin/users/<id>/role", data = "<form>")]
async fn set_role(ctx: Ctx<'_>, admin: Admin, id: i64, form: CsrfForm<RoleForm>) -> Result<Flash<Redirect>, AppError> {
    let back = "/admin/users".to_string();
    let role = match Role::parse(&form.0.role) {
        Ok(r) => r,
        Err(key) => return Ok(ctx.flash_error(back, key)),
    };
    match users_admin::set_role(ctx.state, Some(&admin.0), id, role).await {
        Ok(_) => Ok(ctx.flash_success(back, msg!("flash-role-changed"))),
        Err(ServiceError::Refused(key)) => Ok(ctx.flash_error(back, key)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ActiveForm {
    active: String,
}

#[post("/admin/users/<id>/active", data = "<form>")]
async fn set_active(
    ctx: Ctx<'_>,
    admin: Admin,
    id: i64,
    form: CsrfForm<ActiveForm>,
) -> Result<Flash<Redirect>, AppError> {
    let back = "/admin/users".to_string();
    let active = match form.0.active.as_str() {
        "1" | "true" => true,
        "0" | "false" => false,
        _ => return Ok(ctx.flash_error(back, msg!("err-invalid-input"))),
    };
    match users_admin::set_active(ctx.state, &admin.0, id, active).await {
        Ok(_) => Ok(ctx.flash_success(back, msg!("flash-account-updated"))),
        Err(ServiceError::Refused(key)) => Ok(ctx.flash_error(back, key)),
        Err(e) => Err(e.into()),
    }
}
