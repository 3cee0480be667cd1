// Package controllers holds the shop's HTTP handlers.
package controllers

import (
	"encoding/json"

	"github.com/beego/beego/v2/server/web"

	"wxapp.example/shop/models"
	"wxapp.example/shop/search"
	"wxapp.example/shop/wechat"
	"wxapp.example/shop/wecom"
)

// App is what the handlers share.
type App struct {
	WeChat *wechat.Client
	WeCom  *wecom.Agent
	Store  *models.Store
	Search *search.Index
}

// WeChatController answers the official account's callbacks.
type WeChatController struct {
	web.Controller
	App *App
}

type paidNotice struct {
	OpenID  string `json:"openid"`
	OrderID uint   `json:"order_id"`
}

// Paid tells the buyer and the staff that an order was paid.
func (c *WeChatController) Paid() {
	var n paidNotice
	if err := json.Unmarshal(c.Ctx.Input.RequestBody, &n); err != nil {
		c.CustomAbort(400, err.Error())
		return
	}
	_, err := c.App.WeChat.SendTemplate(&wechat.TemplateMessage{ToUser: n.OpenID, TemplateID: "order-paid"})
	if e, ok := err.(*wechat.Error); ok && e.Code == 43004 { // unsubscribed
		err = nil
	}
	if err != nil {
		c.CustomAbort(502, err.Error())
		return
	}
	staff, _ := c.App.WeCom.Department(2)
	_ = c.App.WeCom.SendText(staff, "order paid")
	c.Data["json"] = map[string]any{"ok": true}
	_ = c.ServeJSON()
}

// Follow records a new follower.
func (c *WeChatController) Follow() {
	openID := c.GetString("openid")
	u, err := c.App.WeChat.User(openID)
	if err != nil {
		c.CustomAbort(502, err.Error())
		return
	}
	if u.ErrCode == 45009 { // quota reached: give up on the profile
		return
	}
	_ = c.App.Store.SaveFollower(&models.Follower{OpenID: u.OpenID, Nickname: u.Nickname})
}
