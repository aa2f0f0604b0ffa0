import os

import psycopg2
from flask import Flask, send_file

app = Flask(__name__)


@app.route("/notify/<month>")
def report(month):
    conn = psycopg2.connect(host=os.environ["DB_HOST"], password=os.environ["DB_PASSWORD"])
    path = f"/srv/archive/{month}.pdf"
    conn.close()
    return send_file(path)


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
