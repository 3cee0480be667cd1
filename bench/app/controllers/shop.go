package controllers

import (
	"github.com/beego/beego/v2/server/web"
)

// ShopController serves the catalogue.
type ShopController struct {
	web.Controller
	App *App
}

// Search finds products.
func (c *ShopController) Search() {
	found, err := c.App.Search.Find(c.Ctx.Request.Context(), c.GetString("q"))
	if err != nil {
		c.CustomAbort(502, err.Error())
		return
	}
	c.Data["json"] = found
	_ = c.ServeJSON()
}

// Orders lists a follower's paid orders.
func (c *ShopController) Orders() {
	orders, err := c.App.Store.PaidOrders(c.GetString("openid"))
	if err != nil {
		c.CustomAbort(500, err.Error())
		return
	}
	c.Data["json"] = orders
	_ = c.ServeJSON()
}
