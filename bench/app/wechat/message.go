package wechat

import (
	"github.com/beego/beego/v2/client/httplib"
)

// TemplateMessage is a template message to one user.
type TemplateMessage struct {
	ToUser     string                       `json:"touser"`
	TemplateID string                       `json:"template_id"`
	URL        string                       `json:"url,omitempty"`
	Data       map[string]map[string]string `json:"data"`
}

type sendResp struct {
	BaseResp
	MsgID int64 `json:"msgid"`
}

// SendTemplate sends a template message and returns its id.
func (c *Client) SendTemplate(msg *TemplateMessage) (int64, error) {
	var r sendResp
	if err := c.Post("/cgi-bin/message/template/send", msg, &r); err != nil {
		return 0, err
	}
	switch r.ErrCode {
	case 0:
		return r.MsgID, nil
	case 40001, 42001: // the token expired: fetch a new one and try once more
		c.RefreshToken()
		if err := c.Post("/cgi-bin/message/template/send", msg, &r); err != nil {
			return 0, err
		}
		return r.MsgID, nil
	case 45009:
		return 0, &Error{Code: r.ErrCode, Msg: r.ErrMsg}
	}
	return 0, &Error{Code: r.ErrCode, Msg: r.ErrMsg}
}

// UserInfo is a follower's profile.
type UserInfo struct {
	BaseResp
	OpenID   string `json:"openid"`
	Nickname string `json:"nickname"`
	UnionID  string `json:"unionid"`
}

// User fetches a follower's profile with beego's HTTP client.
func (c *Client) User(openID string) (*UserInfo, error) {
	tok, err := c.Token()
	if err != nil {
		return nil, err
	}
	var u UserInfo
	req := httplib.Get("https://api.weixin.qq.com/cgi-bin/user/info?access_token=" + tok + "&openid=" + openID)
	if err := req.ToJSON(&u); err != nil {
		return nil, err
	}
	return &u, nil // the errcode of u is never looked at
}

// QRCode creates a temporary QR code for a scene.
func (c *Client) QRCode(scene string) (string, error) {
	var r struct {
		BaseResp
		Ticket string `json:"ticket"`
	}
	body := map[string]any{"expire_seconds": 600, "action_name": "QR_STR_SCENE",
		"action_info": map[string]any{"scene": map[string]string{"scene_str": scene}}}
	if err := c.Post("/cgi-bin/qrcode/create", body, &r); err != nil {
		return "", err
	}
	if r.GetErrCode() == 40013 {
		return "", &Error{Code: r.ErrCode, Msg: "invalid appid"}
	}
	return r.Ticket, nil
}
