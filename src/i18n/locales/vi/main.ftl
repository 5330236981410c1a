app-name = WTA Academy
footer-text = Hiệp hội Các Thành phố Công nghệ Thế giới (WTA) · Hội thảo Tập huấn Quốc tế UNESCO-WTA và Diễn đàn Đổi mới Sáng tạo Toàn cầu

nav-skip = Chuyển đến nội dung chính
nav-label = Điều hướng chính
nav-home = Trang chủ
nav-login = Đăng nhập
nav-signup = Đăng ký
nav-logout = Đăng xuất
nav-profile = Hồ sơ
nav-security = Mật khẩu và phiên đăng nhập
nav-admin-users = Người dùng
nav-language = Ngôn ngữ

home-title = Đào tạo dành cho lãnh đạo các công viên khoa học và công nghệ
home-lead = WTA Academy tổ chức Hội thảo Tập huấn Quốc tế UNESCO-WTA và Diễn đàn Đổi mới Sáng tạo Toàn cầu: hãy đăng ký tham gia một khóa, theo học khóa học về quản trị công viên khoa học, tham dự các buổi học trực tuyến và nhận chứng chỉ của bạn.
home-participants-title = Học viên
home-participants-text = Các nhà quản lý công viên khoa học và cán bộ thành phố đăng ký tham gia một khóa, học theo từng học phần và nhận chứng chỉ ghi tên mình bằng chữ viết của chính mình.
home-trainers-title = Giảng viên
home-trainers-text = Giảng viên chuẩn bị học phần và bài học, chia sẻ tài liệu và điểm danh ở mỗi buổi học.
home-coordinators-title = Điều phối viên
home-coordinators-text = Điều phối viên của UNESCO và WTA mở các khóa, tuyển chọn học viên và cấp chứng chỉ.

login-title = Đăng nhập
login-submit = Đăng nhập
login-forgot = Bạn quên mật khẩu?
login-no-account = Tạo tài khoản

signup-title = Tạo tài khoản
signup-lead = Hãy tạo tài khoản để đăng ký tham gia các hội thảo tập huấn và theo học khóa học.
signup-submit = Tạo tài khoản

forgot-title = Quên mật khẩu
forgot-lead = Vui lòng nhập địa chỉ email của tài khoản. Chúng tôi sẽ gửi cho bạn một đường liên kết để đặt mật khẩu mới.
forgot-submit = Gửi liên kết
forgot-sent = Nếu có tài khoản đăng ký bằng địa chỉ này, chúng tôi đã gửi tới địa chỉ đó một đường liên kết để đặt mật khẩu mới. Vui lòng kiểm tra hộp thư đến.

reset-title = Đặt mật khẩu mới
reset-submit = Lưu mật khẩu mới
reset-ask-again = Yêu cầu liên kết mới

security-title = Mật khẩu và phiên đăng nhập
security-change-password = Đổi mật khẩu
security-change-submit = Đổi mật khẩu
security-sessions = Các nơi bạn đang đăng nhập
security-session-count = { $count ->
    [one] Bạn đang đăng nhập trên { $count } thiết bị hoặc trình duyệt.
   *[other] Bạn đang đăng nhập trên { $count } thiết bị hoặc trình duyệt.
}
security-logout-everywhere = Đăng xuất trên mọi thiết bị

profile-title = Hồ sơ của bạn
profile-signed-in-as = Đăng nhập với tài khoản
profile-certificate-name = Tên ghi trên chứng chỉ
profile-region = Khu vực UNESCO
profile-save = Lưu hồ sơ

admin-users-title = Người dùng
admin-users-search = Tìm theo tên hoặc email
admin-users-count = { $count ->
    [one] { $count } tài khoản
   *[other] { $count } tài khoản
}
admin-users-role = Vai trò
admin-users-status = Trạng thái
admin-users-change-role = Đổi vai trò
admin-users-active = Đang hoạt động
admin-users-inactive = Đã vô hiệu hóa
admin-users-activate = Kích hoạt
admin-users-deactivate = Vô hiệu hóa

search-submit = Tìm kiếm
pager-label = Trang
pager-previous = Trang trước
pager-next = Trang sau
pager-page = Trang { $page }/{ $pages }

field-email = Địa chỉ email
field-password = Mật khẩu
field-new-password = Mật khẩu mới
field-password-confirm = Nhập lại mật khẩu
field-current-password = Mật khẩu hiện tại
field-display-name = Tên
field-certificate-name-latin = Tên viết bằng chữ Latinh
field-certificate-name-native = Tên viết bằng chữ viết của bạn (không bắt buộc)
field-organisation = Cơ quan, tổ chức
field-organisation-type = Loại hình tổ chức
field-country = Quốc gia
field-position = Chức vụ
field-preferred-language = Ngôn ngữ của trang web và email
field-time-zone = Múi giờ

hint-password = Ít nhất 10 ký tự. Tránh dùng các mật khẩu phổ biến.
hint-certificate-name = Vui lòng nhập tên đúng như cần in, ví dụ "Nguyen Van Minh" bằng chữ Latinh và "Nguyễn Văn Minh" bằng chữ viết của bạn.

choose-none = — Không cung cấp —
choose-browser-language = Giống trình duyệt của tôi

role-participant = Học viên
role-coordinator = Điều phối viên
role-admin = Quản trị viên

org-type-city-government = Chính quyền thành phố hoặc địa phương
org-type-stp = Công viên khoa học và công nghệ
org-type-university = Trường đại học
org-type-research-institute = Viện nghiên cứu
org-type-company = Doanh nghiệp
org-type-ngo = Tổ chức phi chính phủ
org-type-international-organisation = Tổ chức quốc tế

region-africa = Châu Phi
region-arab-states = Các quốc gia Ả Rập
region-asia-pacific = Châu Á - Thái Bình Dương
region-europe-north-america = Châu Âu và Bắc Mỹ
region-latin-america-caribbean = Mỹ Latinh và Caribe

flash-welcome = Chào mừng { $name }!
flash-signed-up = Tài khoản của bạn đã sẵn sàng. Vui lòng hoàn thiện hồ sơ.
flash-logged-out = Bạn đã đăng xuất.
flash-logged-out-everywhere = Bạn đã đăng xuất trên mọi thiết bị. Vui lòng đăng nhập lại.
flash-password-changed = Mật khẩu của bạn đã được thay đổi. Các thiết bị khác đã được đăng xuất.
flash-password-reset = Mật khẩu mới của bạn đã được lưu. Bây giờ bạn có thể đăng nhập.
flash-profile-saved = Hồ sơ của bạn đã được lưu.
flash-role-changed = Vai trò đã được thay đổi.
flash-account-updated = Tài khoản đã được cập nhật.

status-400 = Yêu cầu không hợp lệ
status-401 = Vui lòng đăng nhập
status-403 = Không được phép
status-404 = Không tìm thấy trang
status-413 = Dữ liệu quá lớn
status-422 = Vui lòng kiểm tra thông tin đã nhập
status-429 = Quá nhiều lần thử
status-500 = Đã xảy ra lỗi
status-503 = Tạm thời không khả dụng
error-back-home = Quay lại trang chủ

err-bad-request = Không thể hiểu được yêu cầu.
err-unauthenticated = Vui lòng đăng nhập để tiếp tục.
err-forbidden = Bạn không được phép thực hiện thao tác này.
err-csrf = Biểu mẫu này đã hết hạn hoặc không được gửi từ trang web này. Vui lòng quay lại, tải lại trang và gửi lại.
err-not-found = Chúng tôi không tìm thấy trang này.
err-too-large = Dữ liệu bạn gửi quá lớn.
err-unprocessable = Không thể đọc được một phần dữ liệu bạn gửi. Vui lòng kiểm tra và thử lại.
err-throttled = Có quá nhiều lần thử không thành công. Vui lòng chờ một phút rồi thử lại.
err-unavailable = Dịch vụ tạm thời không khả dụng. Vui lòng thử lại sau vài phút.
err-internal = Đã xảy ra lỗi từ phía chúng tôi. Vui lòng thử lại sau.
err-invalid-input = Vui lòng sửa các trường được đánh dấu.
err-json-required = Hãy gửi nội dung yêu cầu dưới dạng JSON với tiêu đề Content-Type: application/json.
err-form-has-errors = Vui lòng sửa các trường được đánh dấu bên dưới.
err-login-failed = Địa chỉ email hoặc mật khẩu không đúng.
err-email-required = Vui lòng nhập địa chỉ email.
err-email-invalid = Địa chỉ email không hợp lệ. Ví dụ về địa chỉ hợp lệ: name@example.org.
err-email-taken = Đã có tài khoản sử dụng địa chỉ email này. Vui lòng đăng nhập hoặc đặt lại mật khẩu.
err-password-short = Mật khẩu phải có ít nhất 10 ký tự.
err-password-long = Mật khẩu chỉ được có tối đa 256 ký tự.
err-password-common = Mật khẩu này quá dễ đoán. Vui lòng chọn mật khẩu khác.
err-password-mismatch = Hai mật khẩu không khớp nhau.
err-password-current-wrong = Mật khẩu hiện tại không đúng.
err-reset-token-invalid = Liên kết này không còn hiệu lực: liên kết đã hết hạn hoặc đã được sử dụng.
err-name-required = Vui lòng nhập tên.
err-name-control = Tên có chứa ký tự không thể in được.
err-name-too-long = Tên chỉ được có tối đa 120 ký tự.
err-name-no-letters = Tên phải có chữ cái.
err-name-not-latin = Vui lòng dùng chữ Latinh ở đây; hãy dùng trường tiếp theo cho chữ viết của bạn.
err-text-control = Văn bản có chứa ký tự không thể in được.
err-text-too-long = Văn bản chỉ được có tối đa 200 ký tự.
err-role-unknown = Vai trò không xác định. Vui lòng chọn học viên, điều phối viên hoặc quản trị viên.
err-organisation-type-unknown = Vui lòng chọn loại hình tổ chức trong danh sách.
err-country-unknown = Vui lòng chọn quốc gia trong danh sách.
err-language-unknown = Vui lòng chọn ngôn ngữ trong danh sách.
err-time-zone-unknown = Vui lòng chọn múi giờ trong danh sách, ví dụ Asia/Seoul.
err-last-admin = Không thể bỏ vai trò quản trị viên hoặc vô hiệu hóa tài khoản của quản trị viên cuối cùng.

mail-reset-subject = Đặt mật khẩu mới cho WTA Academy
mail-reset-body =
    Kính gửi { $name },

    Có người (có thể là bạn) đã yêu cầu đặt mật khẩu mới cho tài khoản WTA Academy của bạn.
    Vui lòng mở liên kết này trong vòng { $minutes } phút để đặt mật khẩu:

    { $link }

    Nếu bạn không yêu cầu việc này, bạn có thể bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.

    WTA Academy
